import { createRoute } from '@tanstack/react-router';
import { NotBuilt } from '../../layout/NotBuilt';
import { appRoute } from '../../routes/root';

export const searchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sok',
  component: () => <NotBuilt title="Søk" />,
});
