import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute } from '../../routes/root';

export const USER_TABS = ['brukere', 'organisasjoner', 'nokler'] as const;

/** The open tab and the user filter live in the URL. */
export const usersParams = z.object({
  fane: z.enum(USER_TABS).optional().catch(undefined),
  filter: z.string().trim().min(1).max(200).optional().catch(undefined),
});

export const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/brukere',
  validateSearch: usersParams,
  component: lazyRouteComponent(() => import('./UsersScreen'), 'UsersScreen'),
});
