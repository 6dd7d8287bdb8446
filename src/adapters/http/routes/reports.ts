/**
 * Reports as files: `GET /api/reports/{kind}?year=…&format=docx|pdf|json`. The route runs the `report`
 * use case for the request's principal (so the viewer's scope and confidentiality grant decide what
 * is in it) and prints the model it returns; `json` returns the model itself.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { runUseCase } from '../../../app/app.js';
import { ReportInput } from '../../../app/schemas.js';
import { REPORT_KINDS } from '../../../core/reports/model.js';
import type { AppDeps } from '../../../app/use-case.js';
import { CONTENT_TYPES, renderReport, REPORT_FORMATS, reportFileName } from '../../reports/render.js';
import type { HttpEnv } from '../env.js';
import { ERROR_RESPONSES, requirePrincipal } from '../use-case-route.js';

// The use case validates the kind (with its Norwegian message); the route only documents the values.
const KindParam = z.object({
  kind: z
    .string()
    .max(40)
    .openapi({ param: { name: 'kind', in: 'path' }, enum: [...REPORT_KINDS], example: 'oppdrag' }),
});

const ReportQuery = ReportInput.omit({ kind: true, accounts: true }).extend({
  format: z
    .enum([...REPORT_FORMATS, 'json'], { error: 'Format må være docx, pdf eller json.' })
    .default('docx')
    .openapi({ description: 'docx (standard), pdf, eller json (rapportmodellen)' }),
});

const binary = (type: string) => ({ [type]: { schema: z.string().openapi({ format: 'binary' }) } });

const reportRoute = createRoute({
  method: 'get',
  path: '/api/reports/{kind}',
  tags: ['Rapporter'],
  operationId: 'report',
  summary: 'Rapport som DOCX, PDF eller JSON (oppdrag, avvik, motegrunnlag, neste-brev, budsjettavstemming)',
  request: { params: KindParam, query: ReportQuery },
  responses: {
    200: {
      description: 'Rapporten',
      content: {
        ...binary(CONTENT_TYPES.docx),
        ...binary(CONTENT_TYPES.pdf),
        'application/json': { schema: z.unknown() },
      },
    },
    ...ERROR_RESPONSES,
  },
});

export function reportRoutes(app: OpenAPIHono<HttpEnv>, deps: AppDeps): void {
  const handler = async (c: Context<HttpEnv>): Promise<Response> => {
    const principal = requirePrincipal(c);
    const req = c.req as unknown as { valid(t: string): Record<string, unknown> };
    const { format, ...query } = req.valid('query') as z.output<typeof ReportQuery>;
    const { kind } = req.valid('param') as { kind: string };
    const report = await runUseCase(
      deps,
      principal,
      'report',
      { ...query, kind },
      { onInternalError: (err, name) => c.get('log')?.error({ err, useCase: name }, 'use case failed') },
    );
    if (format === 'json') return c.json(report);
    const bytes = await renderReport(report, format);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${reportFileName(report, query.year, format)}"`,
      'cache-control': 'no-store',
    });
  };
  app.openapi(reportRoute, handler as never);
}
