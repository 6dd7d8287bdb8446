import { createRoute } from '@tanstack/react-router';
import { NotBuilt } from '../../layout/NotBuilt';
import { appRoute } from '../../routes/root';

export const assignmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/oppdrag/$ref',
  component: () => <NotBuilt title="Oppdrag i detalj" />,
});
