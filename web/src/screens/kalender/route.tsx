import { createRoute } from '@tanstack/react-router';
import { NotBuilt } from '../../layout/NotBuilt';
import { appRoute } from '../../routes/root';

export const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kalender',
  component: () => <NotBuilt title="Kalender" />,
});
