import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute } from '../../routes/root';

/** `ref` is the assignment's printed (or derived) ID, URL-encoded by the router. */
export const assignmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/oppdrag/$ref',
  validateSearch: z.object({}),
  component: lazyRouteComponent(() => import('./AssignmentScreen'), 'AssignmentScreen'),
});
