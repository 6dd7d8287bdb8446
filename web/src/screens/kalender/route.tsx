import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute } from '../../routes/root';

const now = new Date();

/** View, year and month live in the URL, so a month can be shared as a link. */
export const calendarSearch = z.object({
  visning: z.enum(['maned', 'liste']).default('maned').catch('maned'),
  ar: z.coerce.number().int().min(1900).max(2200).default(now.getFullYear()).catch(now.getFullYear()),
  maned: z.coerce
    .number()
    .int()
    .min(1)
    .max(12)
    .default(now.getMonth() + 1)
    .catch(now.getMonth() + 1),
});

export const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kalender',
  validateSearch: calendarSearch,
  component: lazyRouteComponent(() => import('./CalendarScreen'), 'CalendarScreen'),
});
