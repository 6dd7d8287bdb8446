/** Spreadsheet exports: `GET /api/exports/{table}?format=xlsx|csv` with the list's own filters. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { runUseCase } from '../../../app/app.js';
import { EXPORT_TABLES, ExportTableInput } from '../../../app/schemas.js';
import type { AppDeps } from '../../../app/use-case.js';
import { TABLE_FORMATS, tableFile } from '../../exports/formats.js';
import type { HttpEnv } from '../env.js';
import { ERROR_RESPONSES, requirePrincipal } from '../use-case-route.js';

const TableParam = z.object({
  table: z.enum(EXPORT_TABLES).openapi({ param: { name: 'table', in: 'path' }, example: 'assignments' }),
});

const ExportQuery = ExportTableInput.omit({ table: true }).extend({
  format: z
    .enum(TABLE_FORMATS, { error: 'Format må være xlsx eller csv.' })
    .default('xlsx')
    .openapi({ description: 'xlsx (typede celler) eller csv (UTF-8 med BOM, semikolon)' }),
});

const route = createRoute({
  method: 'get',
  path: '/api/exports/{table}',
  tags: ['Eksport'],
  operationId: 'exportTable',
  summary: 'Last ned oppdrag, budsjett eller nøkkeltall som XLSX eller CSV',
  request: { params: TableParam, query: ExportQuery },
  responses: {
    200: {
      description: 'Filen',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary' }),
        },
        'text/csv': { schema: z.string() },
      },
    },
    ...ERROR_RESPONSES,
  },
});

export function exportRoutes(app: OpenAPIHono<HttpEnv>, deps: AppDeps): void {
  const handler = async (c: Context<HttpEnv>): Promise<Response> => {
    const principal = requirePrincipal(c);
    const req = c.req as unknown as { valid(t: string): Record<string, unknown> };
    const { format, ...filters } = req.valid('query') as z.infer<typeof ExportQuery>;
    const table = await runUseCase(
      deps,
      principal,
      'exportTable',
      { ...filters, ...req.valid('param') },
      { onInternalError: (err, name) => c.get('log').error({ err, useCase: name }, 'use case failed') },
    );
    const file = await tableFile(table, format, deps.clock());
    return new Response(file.bytes, {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'private, no-store',
      },
    });
  };
  app.openapi(route, handler as never);
}
