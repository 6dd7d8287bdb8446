import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute } from '../../routes/root';

/** The year filter of the document list lives in the URL. */
export const documentsSearch = z.object({
  ar: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
});

export const documentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dokumenter',
  validateSearch: documentsSearch,
  component: lazyRouteComponent(() => import('./DocumentsScreen'), 'DocumentsScreen'),
});
