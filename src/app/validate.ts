/**
 * Validate input at the boundary (use cases, account operations, HTTP parameters): a failure becomes
 * AppError 'validation' with every field and its message.
 */
import type { z } from 'zod';
import { AppError } from './errors.js';

/** The AppError for a failed zod parse: every field and its message, in the body's `errors`. */
export function validationError(error: z.ZodError): AppError {
  const errors = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new AppError(
    'validation',
    'invalid_input',
    // The messages name the field and the value themselves; the paths go in `errors` for programs.
    [...new Set(errors.map((e) => e.message))].join(' '),
    { errors },
  );
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw validationError(r.error);
}
