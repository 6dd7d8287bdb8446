/** The route tree's root and the signed-in layout every screen but login and the statement lives under. */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, redirect } from '@tanstack/react-router';
import { ApiError } from '../api/client';
import { meQuery } from '../api/queries';
import { AppLayout } from '../layout/AppLayout';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()();

/** Pathless layout: asks the server who is signed in, and sends everyone else to the login screen. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'innlogget',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401)
        throw redirect({ to: '/logg-inn', search: { neste: location.href } });
      throw e;
    }
  },
  component: AppLayout,
});
