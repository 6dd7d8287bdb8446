/** Commander's own help headings and parse errors, translated for a Norwegian user. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { norwegianError, useNorwegianHelp } from '../../src/adapters/cli/norwegian-help.js';
import { registerRegisterCommands } from '../../src/adapters/cli/register/commands.js';

function program() {
  const errors: string[] = [];
  const p = useNorwegianHelp(new Command())
    .name('styr')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => errors.push(s),
      writeErr: (s) => errors.push(s),
      outputError: (s, write) => write(norwegianError(s)),
    });
  registerRegisterCommands(p, { out: () => {}, err: () => {}, setExitCode: () => {} });
  return { p, errors };
}

async function run(args: string[]) {
  const { p, errors } = program();
  await p.parseAsync(['node', 'styr', ...args]).catch(() => {});
  return errors.join('');
}

describe('Norwegian help and parse errors', () => {
  it('translates the headings, placeholders and defaults of a command help', async () => {
    const help = await run(['deadlines', '--help']);
    expect(help).toMatch(/^Bruk: styr deadlines \[valg\]/);
    expect(help).toMatch(/\nValg:\n/);
    expect(help).toMatch(/\(standard: 30d\)/);
    expect(help).toMatch(/vis hjelp for kommandoen/);
    expect(help).not.toMatch(/Usage|Options|default|display help/);
  });

  it('describes every argument', async () => {
    const help = await run(['frist', '--help']);
    expect(help).toMatch(/Argumenter:\n\s+id\s+oppdragets ID/);
  });

  it.each([
    [['finnes-ikke'], /styr: ukjent kommando «finnes-ikke»/],
    [['show'], /styr: mangler argumentet «id»/],
    [['status', 'TB2025-1', 'pågår'], /styr: valget --note <tekst> må oppgis/],
    [['deadlines', '--withn', '3d'], /ukjent valg «--withn».*Mente du --within\?/],
    [['deadlines', '--within'], /valget --within <periode> mangler en verdi/],
  ])('styr %j fails in Norwegian', async (args, message) => {
    const err = await run(args);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/error:/);
  });
});
