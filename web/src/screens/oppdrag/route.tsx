import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { STATUSES } from '../../../../src/core/register/status.js';
import { SORTS } from '../../../../src/app/schemas.js';
import { appRoute } from '../../routes/root';

/** Every filter of the list lives in the URL (Norwegian names), so a selection can be shared as a link. */
export const assignmentsSearch = z.object({
  aar: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
  avdeling: z.string().trim().min(1).max(20).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  type: z.enum(['new', 'carried_over', 'supplement']).optional().catch(undefined),
  ansvarlig: z.string().trim().min(1).max(200).optional().catch(undefined),
  forfalt: z.boolean().optional().catch(undefined),
  tekst: z.string().trim().min(1).max(200).optional().catch(undefined),
  sorter: z.enum(SORTS).optional().catch(undefined),
  rekkefolge: z.enum(['asc', 'desc']).optional().catch(undefined),
});
export type AssignmentsSearch = z.infer<typeof assignmentsSearch>;

export const assignmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/oppdrag',
  validateSearch: assignmentsSearch,
  component: lazyRouteComponent(() => import('./AssignmentsScreen'), 'AssignmentsScreen'),
});
