/** The command line loads only the group of the command it runs: every command must be in that map. */
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_GROUPS } from '../../src/adapters/cli/main.js';

describe('command dispatch', () => {
  it('names the group of every top-level command', async () => {
    const program = await buildProgram({ out: () => {}, setExitCode: () => {} });
    const names = program.commands.map((c) => c.name()).sort();
    expect(names).toEqual(Object.keys(COMMAND_GROUPS).sort());
  });

  it('builds a program with one group only', async () => {
    const program = await buildProgram({ out: () => {}, setExitCode: () => {} }, ['extract']);
    expect(program.commands.map((c) => c.name())).toEqual(['extract', 'demo']);
  });
});
