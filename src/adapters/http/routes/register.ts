/** The register's REST resources, each one route over one use case. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import {
  AddNoteInput,
  AuditLogInput,
  BudgetInput,
  ChangeDeadlineInput,
  ChangeStatusInput,
  DeadlinesInput,
  ExportInput,
  ListAssignmentsInput,
  SearchInput,
  SetOwnerInput,
  YearInput,
} from '../../../app/schemas.js';
import type { AppDeps } from '../../../app/use-case.js';
import type { HttpEnv } from '../env.js';
import { addUseCaseRoute } from '../use-case-route.js';

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'TB2026-02' }),
});

export function registerRoutes(app: OpenAPIHono<HttpEnv>, deps: AppDeps): void {
  const add = (def: Parameters<typeof addUseCaseRoute>[2]) => addUseCaseRoute(app, deps, def);
  add({
    method: 'get',
    path: '/api/assignments',
    useCase: 'listAssignments',
    tags: ['Oppdrag'],
    query: ListAssignmentsInput,
  });
  add({
    method: 'get',
    path: '/api/assignments/{id}',
    useCase: 'showAssignment',
    tags: ['Oppdrag'],
    params: IdParam,
  });
  add({
    method: 'post',
    path: '/api/assignments/{id}/status',
    useCase: 'changeStatus',
    tags: ['Oppdrag'],
    params: IdParam,
    body: ChangeStatusInput.omit({ id: true, expectedVersion: true }),
    ifMatch: true,
  });
  add({
    method: 'post',
    path: '/api/assignments/{id}/notes',
    useCase: 'addNote',
    tags: ['Oppdrag'],
    params: IdParam,
    body: AddNoteInput.omit({ id: true, expectedVersion: true }),
    ifMatch: true,
    status: 201,
  });
  add({
    method: 'post',
    path: '/api/assignments/{id}/owners',
    useCase: 'setOwner',
    tags: ['Oppdrag'],
    params: IdParam,
    body: SetOwnerInput.omit({ id: true, expectedVersion: true }),
    ifMatch: true,
    status: 201,
  });
  add({
    method: 'post',
    path: '/api/assignments/{id}/deadline-changes',
    useCase: 'changeDeadline',
    tags: ['Oppdrag'],
    params: IdParam,
    body: ChangeDeadlineInput.omit({ id: true, expectedVersion: true }),
    ifMatch: true,
    status: 201,
  });
  add({ method: 'get', path: '/api/documents', useCase: 'listDocuments', tags: ['Dokumenter'] });
  add({ method: 'get', path: '/api/search', useCase: 'search', tags: ['Søk'], query: SearchInput });
  add({
    method: 'get',
    path: '/api/deadlines',
    useCase: 'deadlines',
    tags: ['Oppdrag'],
    query: DeadlinesInput,
  });
  add({ method: 'get', path: '/api/budget', useCase: 'budget', tags: ['Budsjett'], query: BudgetInput });
  add({ method: 'get', path: '/api/stats', useCase: 'stats', tags: ['Statistikk'] });
  add({ method: 'get', path: '/api/overview', useCase: 'overview', tags: ['Statistikk'] });
  add({ method: 'get', path: '/api/goals', useCase: 'goals', tags: ['Mål'], query: YearInput });
  add({ method: 'get', path: '/api/key-figures', useCase: 'keyFigures', tags: ['Mål'] });
  add({ method: 'get', path: '/api/calendar', useCase: 'calendar', tags: ['Kalender'], query: YearInput });
  add({
    method: 'get',
    path: '/api/audit',
    useCase: 'auditLog',
    tags: ['Administrasjon'],
    query: AuditLogInput,
  });
  add({
    method: 'get',
    path: '/api/export',
    useCase: 'exportRegister',
    tags: ['Administrasjon'],
    query: ExportInput,
  });
}
