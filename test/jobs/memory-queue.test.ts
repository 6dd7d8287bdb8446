import { describe, expect, it } from 'vitest';
import { MemoryQueue } from '../../src/adapters/jobs/memory-queue.js';
import { retryDelayMs } from '../../src/adapters/jobs/queue.js';
import { queueContract } from './queue-contract.js';

describe('MemoryQueue (in-process, for PGlite)', () => {
  queueContract(async () => new MemoryQueue({ retryLimit: 2, retryDelaySeconds: 0, backoff: false }));

  it('waits out the backoff before a retry is due', async () => {
    let now = 1_000_000;
    const q = new MemoryQueue<number>({ retryLimit: 3, retryDelaySeconds: 2, backoff: true }, () => now);
    await q.send([{ key: 'k', data: 1 }]);
    for (const wait of [2000, 4000, 8000]) {
      const job = await q.fetch();
      expect(job).not.toBeNull();
      await q.fail(job!, 'nei');
      now += wait - 1;
      expect(await q.fetch()).toBeNull();
      now += 1;
    }
    await q.fail((await q.fetch())!, 'siste');
    expect(await q.deadLetters()).toEqual([{ key: 'k', data: 1, reason: 'siste', attempts: 4 }]);
    expect(retryDelayMs({ retryLimit: 3, retryDelaySeconds: 2, backoff: false }, 3)).toBe(2000);
  });
});
