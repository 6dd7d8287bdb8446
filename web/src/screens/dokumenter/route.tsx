import { createRoute } from '@tanstack/react-router';
import { NotBuilt } from '../../layout/NotBuilt';
import { appRoute } from '../../routes/root';

export const documentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dokumenter',
  component: () => <NotBuilt title="Dokumenter" />,
});
