import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute } from '../../routes/root';

/** Year of the goal hierarchy and the key-figure series shown in the chart live in the URL. */
export const goalsSearch = z.object({
  ar: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
  tall: z.string().max(300).optional().catch(undefined),
});

export const goalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mal',
  validateSearch: goalsSearch,
  component: lazyRouteComponent(() => import('./GoalsScreen'), 'GoalsScreen'),
});
