import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { rootRoute } from '../../routes/root';

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/logg-inn',
  validateSearch: z.object({ neste: z.string().optional().catch(undefined) }),
  component: lazyRouteComponent(() => import('./LoginScreen'), 'LoginScreen'),
});
