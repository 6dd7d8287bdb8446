/** Crash safety: a process killed in the middle of an import leaves the register as it was. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { Register } from '../../src/adapters/store/register.js';
import { INTERNAL_VIEWER } from '../../src/core/register/viewer.js';
import { assignment, letter } from '../register/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'styr-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps the database as it was when the importing process is killed mid-import', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'crash-child.ts'), dir],
    {
      cwd: join(import.meta.dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const seen: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      seen.push(...b.toString().trim().split('\n'));
      if (seen.some((l) => l.startsWith('progress'))) {
        child.kill('SIGKILL');
      }
    });
    child.on('exit', () => resolve());
    child.on('error', reject);
  });
  expect(seen).toContain('committed');
  expect(seen).not.toContain('finished');

  const reg = await Register.open(
    { kind: 'pglite', dataDir: dir },
    { actor: 'check', clock: () => new Date('2025-01-02T00:00:00Z'), viewer: INTERNAL_VIEWER },
  );
  try {
    const docs = await reg.db.selectFrom('document').select('year').execute();
    expect(docs.map((d) => d.year)).toEqual([2020]);
    const n = async (t: string) =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(reg.db)).rows[0]?.n,
      );
    expect(await n('appearance')).toBe(1);
    expect(await n('audit_log')).toBe(1);
    expect(await n('document_version')).toBe(1);
    // The register is usable afterwards.
    const [rep] = await reg.import([
      { file: 'after', result: letter({ year: 2031, assignments: [assignment('TB2031-1')] }) },
    ]);
    expect(rep?.outcome).toBe('new');
  } finally {
    await reg.close();
  }
});
