import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute } from '../../routes/root';

export const STATS_TYPES = ['alle', 'tildelingsbrev', 'tillegg', 'arsrapport'] as const;

/** The document-type filter lives in the URL, so a view can be shared. */
export const statsParams = z.object({
  type: z.enum(STATS_TYPES).optional().catch(undefined),
});

export const statsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistikk',
  validateSearch: statsParams,
  component: lazyRouteComponent(() => import('./StatsScreen'), 'StatsScreen'),
});
