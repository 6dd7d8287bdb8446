/**
 * A use case: one zod input schema (shared by CLI options and HTTP parameters) and one function that
 * runs it for a principal. The CLI, the HTTP API and the web app all go through `runUseCase`, so
 * validation, access and error mapping are the same everywhere.
 */
import type { z } from 'zod';
import type { Clock } from '../core/register/viewer.js';
import type { Db } from '../adapters/store/open.js';
import type { Principal } from './principal.js';

export interface AppDeps {
  store: Db;
  clock: Clock;
}

export interface Call {
  principal: Principal;
  deps: AppDeps;
}

export interface UseCase<S extends z.ZodType, O> {
  name: string;
  /** One line, Norwegian: shown in the OpenAPI document and CLI help. */
  summary: string;
  input: S;
  /** Safe to retry and never changes the register (HTTP GET). */
  readOnly: boolean;
  run(call: Call, input: z.output<S>): Promise<O>;
}

export function useCase<S extends z.ZodType, O>(def: UseCase<S, O>): UseCase<S, O> {
  return def;
}
