import { createRoute } from '@tanstack/react-router';
import { NotBuilt } from '../../layout/NotBuilt';
import { appRoute } from '../../routes/root';

export const goalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mal',
  component: () => <NotBuilt title="Mål og styringsparametere" />,
});
