/**
 * The installed command (bin/styr.js → dist/) explains errors no command handles itself in Norwegian,
 * without a stack trace. Needs the build that `npm ci` runs (prepare).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'styr.js');

describe('bin/styr.js', () => {
  it('names an unreachable PostgreSQL server in DATABASE_URL', () => {
    const r = spawnSync(process.execPath, [bin, 'assignments'], {
      env: { ...process.env, DATABASE_URL: 'postgres://styr@127.0.0.1:1/ingen' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('fikk ikke kontakt med databaseserveren i DATABASE_URL (ECONNREFUSED)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
