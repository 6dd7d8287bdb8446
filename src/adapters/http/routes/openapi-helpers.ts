/**
 * Small pieces the account routes share: the validation hook that turns a zod failure into the same
 * AppError the use cases throw, problem+json response entries for the OpenAPI document, and the
 * numeric path parameter.
 */
import { z } from '@hono/zod-openapi';
import { validationError } from '../../../app/validate.js';
import { ProblemJson } from '../../../app/errors.js';

export function validationHook(result: { success: true } | { success: false; error: z.ZodError }): void {
  if (!result.success) throw validationError(result.error);
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Ugyldige verdier',
  401: 'Ikke innlogget',
  403: 'Ingen tilgang (eller manglende CSRF-nøkkel)',
  404: 'Finnes ikke',
  409: 'Konflikt',
  429: 'For mange forsøk',
  503: 'Innloggingstjenesten svarer ikke',
};

export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: DESCRIPTIONS[s] ?? 'Feil',
        content: { 'application/problem+json': { schema: ProblemJson } },
      },
    ]),
  );
}

export const IdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'Ugyldig id')
    .openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** OpenAPI security requirement: a session cookie or a bearer API token. */
export const SIGNED_IN = [{ session: [] }, { bearer: [] }];
