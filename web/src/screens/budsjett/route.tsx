import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute } from '../../routes/root';

/** The budget year lives in the URL (none: the latest year with budget lines). */
export const budgetSearch = z.object({
  ar: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
});

export const budgetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/budsjett',
  validateSearch: budgetSearch,
  component: lazyRouteComponent(() => import('./BudgetScreen'), 'BudgetScreen'),
});
