/**
 * The route tree. Each screen owns its route (path, search-parameter schema so filters live in a
 * shareable URL, and a lazily loaded component) in screens/<screen>/route.tsx; this file only lists them.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { appRoute, rootRoute } from './routes/root';
import { loginRoute } from './screens/login/route';
import { accessibilityRoute } from './screens/tilgjengelighet/route';
import { overviewRoute } from './screens/oversikt/route';
import { assignmentsRoute } from './screens/oppdrag/route';
import { assignmentRoute } from './screens/oppdrag-detalj/route';
import { documentsRoute } from './screens/dokumenter/route';
import { goalsRoute } from './screens/mal/route';
import { budgetRoute } from './screens/budsjett/route';
import { calendarRoute } from './screens/kalender/route';
import { searchRoute } from './screens/sok/route';
import { statsRoute } from './screens/statistikk/route';
import { usersRoute } from './screens/brukere/route';

const routeTree = rootRoute.addChildren([
  loginRoute,
  accessibilityRoute,
  appRoute.addChildren([
    overviewRoute,
    assignmentsRoute,
    assignmentRoute,
    documentsRoute,
    goalsRoute,
    budgetRoute,
    calendarRoute,
    searchRoute,
    statsRoute,
    usersRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
    defaultPendingMinMs: 0,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
