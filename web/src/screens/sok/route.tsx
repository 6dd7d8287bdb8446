import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute } from '../../routes/root';

export const SEARCH_STATUSES = [
  'ny',
  'pågår',
  'levert',
  'ferdig',
  'videreført',
  'trukket',
  'erstattet',
  'forfalt',
  'snart forfall',
] as const;

/** Every filter lives in the URL, so a search can be shared and bookmarked. */
export const searchParams = z.object({
  q: z.string().trim().min(1).max(500).optional().catch(undefined),
  year: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
  department: z.string().trim().min(1).max(20).optional().catch(undefined),
  status: z.enum(SEARCH_STATUSES).optional().catch(undefined),
});
export type SearchParams = z.infer<typeof searchParams>;

export const searchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sok',
  validateSearch: searchParams,
  component: lazyRouteComponent(() => import('./SearchScreen'), 'SearchScreen'),
});
