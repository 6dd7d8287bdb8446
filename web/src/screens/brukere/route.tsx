import { createRoute } from '@tanstack/react-router';
import { NotBuilt } from '../../layout/NotBuilt';
import { appRoute } from '../../routes/root';

export const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/brukere',
  component: () => <NotBuilt title="Brukere og tilganger" />,
});
