/**
 * Entry of a reading worker thread (parallel/pool.ts): runs one job per message and answers with the
 * result or the error as plain data. A ReadError keeps its code; anything else is reported as an
 * unexpected failure of that file, so one bad file never ends the run.
 */
import { parentPort } from 'node:worker_threads';
import { ReadError } from '../errors.js';
import { readPdfPart } from '../pdf.js';
import { readContext } from '../read-document.js';
import { runJob } from './jobs.js';
import type { JobRequest, JobReply } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('parallel/worker.ts runs only as a worker thread');

function run(req: JobRequest): Promise<unknown> {
  if (req.kind === 'pdf-part')
    return readPdfPart(req.bytes, req.name, readContext(req.name, req.limits), req.part, req.parts);
  return runJob(req.kind, req.file, req.limits);
}

port.on('message', (req: JobRequest) => {
  run(req).then(
    (value) => port.postMessage({ id: req.id, ok: true, value } satisfies JobReply),
    (err: unknown) => {
      const reply: JobReply =
        err instanceof ReadError
          ? { id: req.id, ok: false, code: err.code, message: err.message }
          : {
              id: req.id,
              ok: false,
              code: 'worker_failed',
              message: `${req.kind === 'pdf-part' ? req.name : req.file}: ${String(err)}`,
            };
      port.postMessage(reply);
    },
  );
});
