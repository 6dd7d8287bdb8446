/**
 * One long PDF read on several worker threads: each opens the file and reads its own consecutive
 * range of pages (pdf/parts.ts); the main thread joins the parts in order and lays the pages out as
 * one document, so running headers, tables over page breaks and page starts come out as from a serial
 * read. The main thread never loads pdfjs. A failing part is reported as the serial read would report
 * it: the error of the earliest part that failed.
 */
import { ReadError } from '../errors.js';
import type { PageText } from '../pdf/layout.js';
import type { ReadContext } from '../read-document.js';
import type { JobReply, JobRequest } from './protocol.js';
import { spawnReader } from './spawn.js';

type PartOutcome = { ok: true; pages: PageText[] } | { ok: false; error: ReadError };

function readPart(bytes: Uint8Array, name: string, ctx: ReadContext, part: number, parts: number) {
  return new Promise<PartOutcome>((resolve) => {
    const worker = spawnReader();
    const settle = (outcome: PartOutcome): void => {
      resolve(outcome);
      void worker.terminate();
    };
    worker.on('message', (reply: JobReply) =>
      settle(
        reply.ok
          ? { ok: true, pages: reply.value as PageText[] }
          : { ok: false, error: new ReadError(reply.code, reply.message) },
      ),
    );
    const lost = (err: unknown): void =>
      settle({
        ok: false,
        error: new ReadError(
          'worker_failed',
          `${name}: lesingen stoppet uventet (${err instanceof Error ? err.message : String(err)}).`,
        ),
      });
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`exit ${code}`)));
    const req: JobRequest = { id: part, kind: 'pdf-part', bytes, name, limits: ctx.limits, part, parts };
    worker.postMessage(req);
  });
}

export async function readPdfInParts(
  bytes: Uint8Array,
  name: string,
  ctx: ReadContext,
  parts: number,
): Promise<PageText[]> {
  const outcomes = await Promise.all(
    Array.from({ length: parts }, (_, part) => readPart(bytes, name, ctx, part, parts)),
  );
  ctx.budget.check();
  const pages: PageText[] = [];
  for (const o of outcomes) {
    if (!o.ok) throw o.error;
    pages.push(...o.pages);
  }
  return pages;
}
