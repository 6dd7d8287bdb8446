/**
 * The queue contract both implementations pass: one job per key, retries with backoff, dead letters
 * with reasons, until-empty runs. `make` returns a fresh, empty queue with retryLimit 2 and no delay.
 */
import { expect, it } from 'vitest';
import type { JobQueue } from '../../src/adapters/jobs/queue.js';
import { runJobs } from '../../src/adapters/jobs/run-jobs.js';

interface Payload {
  n: number;
}

export function queueContract(make: () => Promise<JobQueue<Payload>>): void {
  it('queues one job per key, whoever sends it and however often', async () => {
    const q = await make();
    expect(
      await q.send([
        { key: 'a', data: { n: 1 } },
        { key: 'b', data: { n: 2 } },
      ]),
    ).toBe(2);
    expect(await q.send([{ key: 'a', data: { n: 3 } }])).toBe(0);
    const seen: number[] = [];
    await runJobs(q, async (j) => void seen.push(j.data.n), { concurrency: 2, untilEmpty: true, pollMs: 10 });
    expect(seen.sort()).toEqual([1, 2]);
    // A finished key stays known: sending it again is still a no-op.
    expect(await q.send([{ key: 'a', data: { n: 4 } }])).toBe(0);
    expect(await q.stats()).toMatchObject({ waiting: 0, active: 0, completed: 2, failed: 0 });
  });

  it('retries a failing job and keeps it as a dead letter with its reason after the last attempt', async () => {
    const q = await make();
    await q.send([
      { key: 'ok-after-one', data: { n: 1 } },
      { key: 'never', data: { n: 2 } },
    ]);
    const attempts = new Map<number, number[]>();
    await runJobs(
      q,
      async (j) => {
        attempts.set(j.data.n, [...(attempts.get(j.data.n) ?? []), j.attempt]);
        if (j.data.n === 2 || j.attempt === 0) throw new Error(`feil i ${j.key}`);
      },
      { concurrency: 1, untilEmpty: true, pollMs: 20 },
    );
    expect(attempts.get(1)).toEqual([0, 1]);
    expect(attempts.get(2)).toEqual([0, 1, 2]);
    const dead = await q.deadLetters();
    expect(dead).toEqual([{ key: 'never', data: { n: 2 }, reason: 'feil i never', attempts: 3 }]);
    expect(await q.stats()).toMatchObject({ completed: 1, failed: 1, waiting: 0, active: 0 });
    expect(await q.pending()).toBe(0);
  });

  it('hands each job to exactly one of several concurrent workers', async () => {
    const q = await make();
    await q.send(Array.from({ length: 30 }, (_, n) => ({ key: `k${n}`, data: { n } })));
    const seen: number[] = [];
    const worker = () =>
      runJobs(q, async (j) => void seen.push(j.data.n), { concurrency: 3, untilEmpty: true, pollMs: 10 });
    const counts = await Promise.all([worker(), worker()]);
    expect(counts[0]! + counts[1]!).toBe(30);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n));
  });

  it('stops after maxJobs (styr worker --once)', async () => {
    const q = await make();
    await q.send([
      { key: 'x', data: { n: 1 } },
      { key: 'y', data: { n: 2 } },
    ]);
    expect(
      await runJobs(q, async () => {}, { concurrency: 1, untilEmpty: true, maxJobs: 1, pollMs: 10 }),
    ).toBe(1);
    expect(await q.pending()).toBe(1);
  });
}
