/** Messages between the reading pool and its worker threads (structured-clone data only). */
import type { ReadErrorCode } from '../errors.js';
import type { ReadLimits } from '../limits.js';
import type { JobKind } from './jobs.js';

export interface JobRequest {
  id: number;
  kind: JobKind;
  file: string;
  limits: ReadLimits;
}

export type JobReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; code: ReadErrorCode; message: string };
