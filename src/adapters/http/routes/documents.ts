/**
 * Documents: upload is import (multipart, one or more files, all or nothing); `?dryRun=true` returns
 * what would be extracted, with its warnings, and stores nothing.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { runUseCase } from '../../../app/app.js';
import { AppError } from '../../../app/errors.js';
import type { AppDeps } from '../../../app/use-case.js';
import type { HttpEnv } from '../env.js';
import { ERROR_RESPONSES, requirePrincipal } from '../use-case-route.js';

const UploadQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .openapi({ description: 'Bare forhåndsvis: trekk ut og vis varsler uten å lagre' }),
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/documents',
  tags: ['Dokumenter'],
  operationId: 'importDocuments',
  summary: 'Last opp (importer) dokumenter; dryRun=true forhåndsviser uten å lagre',
  request: {
    query: UploadQuery,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            // Checked by the use case ("Ingen filer å importere."), whose message says what is missing.
            files: z
              .any()
              .optional()
              .openapi({ type: 'array', items: { type: 'string', format: 'binary' } }),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Forhåndsvisning (dryRun)',
      content: { 'application/json': { schema: z.unknown() } },
    },
    201: { description: 'Importert', content: { 'application/json': { schema: z.unknown() } } },
    ...ERROR_RESPONSES,
    413: ERROR_RESPONSES[400],
  },
});

async function uploadedFiles(c: Context<HttpEnv>) {
  const form = await c.req.parseBody({ all: true }).catch(() => {
    throw new AppError(
      'validation',
      'invalid_upload',
      'Opplastingen må være multipart/form-data med feltet «files».',
    );
  });
  const raw = form.files ?? form.file;
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f,
  );
  return Promise.all(
    list.map(async (f) => ({ name: f.name || 'dokument', data: new Uint8Array(await f.arrayBuffer()) })),
  );
}

export function documentRoutes(app: OpenAPIHono<HttpEnv>, deps: AppDeps): void {
  const handler = async (c: Context<HttpEnv>): Promise<Response> => {
    const principal = requirePrincipal(c);
    const dryRun = ['true', '1'].includes(c.req.query('dryRun') ?? '');
    const files = await uploadedFiles(c);
    const out = await runUseCase(
      deps,
      principal,
      'importDocuments',
      { files, dryRun },
      {
        onInternalError: (err, name) => c.get('log').error({ err, useCase: name }, 'use case failed'),
      },
    );
    return c.json(out, dryRun ? 200 : 201);
  };
  app.openapi(uploadRoute, handler as never);
}
