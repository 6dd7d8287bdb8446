/**
 * Real processes on one embedded data folder (bin/styr.js → dist/, built by `npm ci`): two imports at
 * once, an import beside edits, a server with CLI commands sent to it, and a stale lock. Every command
 * either completes or fails with a Norwegian message naming the holder; nothing is lost; the register
 * opens afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../helpers/seeds.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'styr.js');
const root = mkdtempSync(join(tmpdir(), 'styr-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const LETTER = join(EXAMPLES_DIR, 'tildelingsbrev-2026-friluftsdirektoratet.txt');
const SUPPLEMENT = join(EXAMPLES_DIR, 'tillegg-1-2026-friluftsdirektoratet.html');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function styr(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, STYR_ACTOR: 'tester', DATABASE_URL: '', ...env },
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Completed, or refused with the documented message and exit code 7 (register busy). */
function completedOrBusy(r: Run): 'ok' | 'busy' {
  if (r.code === 0) return 'ok';
  expect(r.code, r.err).toBe(7);
  expect(r.err).toMatch(/er i bruk av styr \w+ \(prosess \d+/);
  expect(r.err).not.toMatch(/\n\s+at /);
  return 'busy';
}

async function documents(data: string): Promise<string[]> {
  const r = await styr(['documents', '--json', '--data', data]);
  expect(r.code, r.err).toBe(0);
  return (JSON.parse(r.out) as { label: string }[]).map((d) => d.label).sort();
}

const TIMEOUT = 240_000;

describe('one embedded data folder, several processes', () => {
  it(
    'two imports at once: each completes or fails clearly, nothing is lost',
    async () => {
      const data = join(root, 'two-imports');
      const [a, b] = await Promise.all([
        styr(['import', LETTER, '--data', data]),
        styr(['import', SUPPLEMENT, '--data', data]),
      ]);
      const outcomes = [completedOrBusy(a as Run), completedOrBusy(b as Run)];
      expect(outcomes).toContain('ok');
      const docs = await documents(data);
      // Exactly the documents whose import reported success are in the register.
      expect(docs).toHaveLength(outcomes.filter((o) => o === 'ok').length);
    },
    TIMEOUT,
  );

  it(
    'an import beside status edits and notes: every edit that succeeded is in the register',
    async () => {
      const data = join(root, 'import-edits');
      expect((await styr(['import', LETTER, '--data', data])).code).toBe(0);
      const runs = await Promise.all([
        styr(['import', SUPPLEMENT, '--data', data]),
        styr(['status', 'TB2026-01', 'pågår', '--note', 'Startet', '--data', data]),
        styr(['note', 'TB2026-01', 'Første notat', '--data', data]),
      ]);
      const [imp, status, note] = runs.map((r) => completedOrBusy(r));
      const shown = await styr(['show', 'TB2026-01', '--json', '--data', data]);
      expect(shown.code, shown.err).toBe(0);
      const a = JSON.parse(shown.out) as { status: string; timeline: { kind: string; text: string }[] };
      expect(a.status).toBe(status === 'ok' ? 'pågår' : 'ny');
      expect(a.timeline.some((e) => e.kind === 'note' && e.text === 'Første notat')).toBe(note === 'ok');
      expect(await documents(data)).toHaveLength(imp === 'ok' ? 2 : 1);
    },
    TIMEOUT,
  );

  it(
    'a server owns the folder: CLI commands go through its API, and it shuts down cleanly',
    async () => {
      const data = join(root, 'server');
      const server: ChildProcess = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', data], {
        env: { ...process.env, DATABASE_URL: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let serverErr = '';
      server.stderr?.on('data', (d: Buffer) => (serverErr += d.toString()));
      try {
        const lockFile = join(data, 'styr.lock');
        for (let i = 0; i < 600 && !/lytter på/.test(serverErr); i++)
          await new Promise((r) => setTimeout(r, 100));
        expect(serverErr).toMatch(/lytter på http:\/\/127\.0\.0\.1:\d+/);
        const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { kind: string; url: string; pid: number };
        expect(lock.kind).toBe('server');
        expect(lock.pid).toBe(server.pid);

        const [imp, imp2] = await Promise.all([
          styr(['import', LETTER, '--data', data]),
          styr(['import', SUPPLEMENT, '--data', data]),
        ]);
        expect(imp.code, imp.err).toBe(0);
        expect(imp2.code, imp2.err).toBe(0);
        const st = await styr(['status', 'TB2026-01', 'pågår', '--note', 'Via serveren', '--data', data]);
        expect(st.code, st.err).toBe(0);
        // A second server on the same folder is refused, naming the owner.
        const second = await styr(['serve', '--port', '0', '--data', data]);
        expect(second.code).toBe(7);
        expect(second.err).toMatch(/eies allerede av styr serve/);
      } finally {
        server.kill('SIGTERM');
        await new Promise((r) => server.once('close', r));
      }
      expect(existsSync(join(data, 'styr.lock'))).toBe(false);
      // The register opens directly afterwards with everything the server took in.
      expect(await documents(data)).toHaveLength(2);
      const shown = await styr(['show', 'TB2026-01', '--json', '--data', data]);
      expect((JSON.parse(shown.out) as { status: string }).status).toBe('pågår');
    },
    TIMEOUT,
  );

  it(
    'a lock left by a dead process is taken over',
    async () => {
      const data = join(root, 'stale');
      expect((await styr(['import', LETTER, '--data', data])).code).toBe(0);
      const dead = spawn(process.execPath, ['-e', '0']);
      await new Promise((r) => dead.once('close', r));
      writeFileSync(
        join(data, 'styr.lock'),
        JSON.stringify({
          pid: dead.pid,
          host: hostname(),
          kind: 'cli',
          command: 'import',
          since: new Date().toISOString(),
        }),
      );
      const r = await styr(['assignments', '--data', data]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/TB2026-01/);
      expect(existsSync(join(data, 'styr.lock'))).toBe(false);
    },
    TIMEOUT,
  );
});
