import { createRoute } from '@tanstack/react-router';
import { NotBuilt } from '../../layout/NotBuilt';
import { appRoute } from '../../routes/root';

export const statsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistikk',
  component: () => <NotBuilt title="Statistikk" />,
});
