/** RFC 9457 problem+json responses for AppErrors, and the conversion of anything else into one. */
import type { Context } from 'hono';
import { AppError, toProblem } from '../../app/errors.js';
import { toAppError } from '../../app/store-errors.js';

export function problemResponse(c: Context, err: AppError): Response {
  const body = toProblem(err, c.req.path);
  return new Response(JSON.stringify(body), {
    status: err.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

export function asAppError(e: unknown, operation: string): AppError {
  return e instanceof AppError ? e : toAppError(e, operation);
}
