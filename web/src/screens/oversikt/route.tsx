import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute } from '../../routes/root';

/** The chosen year and agency live in the URL, so an overview can be shared as a link. */
export const overviewSearch = z.object({
  aar: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
  virksomhet: z.string().trim().min(1).max(200).optional().catch(undefined),
});

export const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  validateSearch: overviewSearch,
  component: lazyRouteComponent(() => import('./OverviewScreen'), 'OverviewScreen'),
});
