import { createRoute } from '@tanstack/react-router';
import { NotBuilt } from '../../layout/NotBuilt';
import { appRoute } from '../../routes/root';

export const budgetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/budsjett',
  component: () => <NotBuilt title="Budsjett" />,
});
