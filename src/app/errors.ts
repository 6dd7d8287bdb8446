/**
 * The one typed error of the application layer. Every use case fails with an AppError; the CLI maps
 * its kind to an exit code and the HTTP API to a status with an RFC 9457 problem+json body, so a
 * refusal reads the same (Norwegian title and detail) wherever it is met.
 */
import { z } from 'zod';
import './zod-norwegian.js';

export const ERROR_KINDS = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'precondition_required',
  'too_large',
  'unsupported',
  'too_many_requests',
  'unavailable',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

const SPEC: Record<ErrorKind, { status: number; exit: number; title: string }> = {
  validation: { status: 400, exit: 2, title: 'Ugyldig forespørsel' },
  unauthenticated: { status: 401, exit: 4, title: 'Ikke innlogget' },
  forbidden: { status: 403, exit: 4, title: 'Ingen tilgang' },
  not_found: { status: 404, exit: 3, title: 'Finnes ikke' },
  conflict: { status: 409, exit: 5, title: 'Konflikt' },
  precondition_failed: { status: 412, exit: 5, title: 'Endret av en annen' },
  precondition_required: { status: 428, exit: 2, title: 'Versjon mangler' },
  too_large: { status: 413, exit: 2, title: 'For stor' },
  unsupported: { status: 415, exit: 2, title: 'Filtypen støttes ikke' },
  too_many_requests: { status: 429, exit: 6, title: 'For mange forsøk' },
  unavailable: { status: 503, exit: 7, title: 'Ikke tilgjengelig' },
  internal: { status: 500, exit: 1, title: 'Intern feil' },
};

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine code, e.g. `invalid_transition`, `assignment_not_found`. */
    readonly code: string,
    /** Norwegian, safe to show to the user: never a driver message or a stack. */
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }

  get status(): number {
    return SPEC[this.kind].status;
  }
  get exitCode(): number {
    return SPEC[this.kind].exit;
  }
  get title(): string {
    return SPEC[this.kind].title;
  }
}

export const ProblemJson = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Feltene som ikke validerte (ved 400)'),
  })
  .passthrough();
export type ProblemJson = z.infer<typeof ProblemJson>;

/** RFC 9457 body for an error; `type` is a stable URI per code under the API's documentation. */
export function toProblem(err: AppError, instance?: string): ProblemJson {
  return {
    type: `/api/problems/${err.code}`,
    title: err.title,
    status: err.status,
    detail: err.detail,
    code: err.code,
    ...(instance ? { instance } : {}),
    ...err.extra,
  };
}

export function exitCodeFor(kind: ErrorKind): number {
  return SPEC[kind].exit;
}
export function statusFor(kind: ErrorKind): number {
  return SPEC[kind].status;
}
