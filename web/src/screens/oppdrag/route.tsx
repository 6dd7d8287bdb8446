import { createRoute } from '@tanstack/react-router';
import { NotBuilt } from '../../layout/NotBuilt';
import { appRoute } from '../../routes/root';

export const assignmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/oppdrag',
  component: () => <NotBuilt title="Oppdrag" />,
});
