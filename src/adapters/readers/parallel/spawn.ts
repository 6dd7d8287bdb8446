/**
 * A reading worker thread: parallel/worker.js when compiled. From source (tests, bench) it is
 * worker.ts, loaded through tsx's loader, which a worker must register itself (execArgv `--import`
 * does not reach a worker's module loader on Node 20).
 */
import { Worker } from 'node:worker_threads';

export function spawnReader(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(boot, { eval: true });
}
