/** The CLI's table printer: fixed and fitted widths, wrapping at spaces, hard breaks of long words. */
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/adapters/cli/table.js';

describe('renderTable', () => {
  it('fits columns to their widest cell and draws a rule under every row', () => {
    expect(
      renderTable(
        ['ID', 'År'],
        [
          ['TB2024-1', 2024],
          ['X', ''],
        ],
      ),
    ).toBe(
      [
        '┌──────────┬──────┐',
        '│ ID       │ År   │',
        '├──────────┼──────┤',
        '│ TB2024-1 │ 2024 │',
        '├──────────┼──────┤',
        '│ X        │      │',
        '└──────────┴──────┘',
      ].join('\n'),
    );
  });

  it('wraps at spaces within a fixed width and breaks a word longer than the column', () => {
    const lines = renderTable(['Tittel'], [['Oppfølging av tobakksstrategien'], ['Folkehelseinstituttet']], {
      widths: [14],
    }).split('\n');
    expect(lines).toContain('│ Oppfølging   │');
    expect(lines).toContain('│ av           │');
    expect(lines).toContain('│ tobakksstrat │');
    expect(lines).toContain('│ egien        │');
    expect(lines).toContain('│ Folkehelsein │');
    expect(new Set(lines.map((l) => [...l].length))).toEqual(new Set([16]));
  });

  it('pads by characters, not UTF-16 units', () => {
    const lines = renderTable(['A'], [['😀x'], ['ab']]).split('\n');
    expect(new Set(lines.map((l) => [...l].length)).size).toBe(1);
  });
});
