import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../routes/root';

/** Public: the statement must be reachable without an account. */
export const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tilgjengelighet',
  component: lazyRouteComponent(() => import('./AccessibilityScreen'), 'AccessibilityScreen'),
});
