/** Messages between the reading pool and its worker threads (structured-clone data only). */
import type { ReadErrorCode } from '../errors.js';
import type { ReadLimits } from '../limits.js';
import type { JobKind } from './jobs.js';

export type JobRequest =
  | { id: number; kind: JobKind; file: string; limits: ReadLimits }
  /** Part `part` of `parts` of one PDF's pages (pdf/parts.ts); the answer is its PageText[]. */
  | {
      id: number;
      kind: 'pdf-part';
      bytes: Uint8Array;
      name: string;
      limits: ReadLimits;
      part: number;
      parts: number;
    };

export type JobReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; code: ReadErrorCode; message: string };
