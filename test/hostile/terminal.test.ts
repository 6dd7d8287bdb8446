/** User-supplied text never reaches the terminal with live control characters. */
import { describe, expect, it } from 'vitest';
import { table } from '../../src/adapters/cli/register/format.js';
import { terminalSafe } from '../../src/core/text/terminal-safe.js';

describe('terminalSafe', () => {
  it('shows escape sequences, CR, bidi overrides and C1 controls as visible escapes', () => {
    expect(terminalSafe('a\u001b[2Jb')).toBe('a\\u001b[2Jb');
    expect(terminalSafe('synlig\rskjult')).toBe('synlig\\u000dskjult');
    expect(terminalSafe('\u202eTB2025-1')).toBe('\\u202eTB2025-1');
    expect(terminalSafe('\u009b31m')).toBe('\\u009b31m');
    expect(terminalSafe('\u0007\u007f')).toBe('\\u0007\\u007f');
  });

  it('keeps newlines, tabs and Norwegian letters, and is idempotent', () => {
    const s = 'Særlige oppgaver\n\tÆØÅ – «sitat» §';
    expect(terminalSafe(s)).toBe(s);
    const once = terminalSafe('x\u001b]0;tittel\u0007');
    expect(terminalSafe(once)).toBe(once);
  });

  it('leaves JSON valid and meaning the same', () => {
    const value = { note: 'a\u202eb\u0085c\u2028d' };
    const safe = terminalSafe(JSON.stringify(value));
    expect(safe).not.toMatch(/[\u202e\u0085\u2028]/);
    expect(JSON.parse(safe)).toEqual(value);
  });

  it('table cells are neutralised before layout', () => {
    const out = table(['Notat'], [['før\u001b[2Jetter']]);
    expect(out).not.toContain('\u001b');
    expect(out).toContain('før\\u001b[2Jetter');
  });
});
