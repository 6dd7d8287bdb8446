/**
 * Lines of 100 000 characters made of one repeated token reach every stage in linear time. Patterns tried
 * at every space that scan ahead through an unbounded list (of IDs, codes, amounts) turn quadratic here.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from './helpers/seeds.js';

const letter = (line: string) =>
  `Tildelingsbrev til Xdirektoratet for 2024\n\n2 Oppdrag\n\nTB2024-1\tAvd. HOD: FHA\tTittel\n${line}\n`;

describe('a 100 000-character line', () => {
  it.each(['TB2024-1, ', 'TB2024-1/', 'x TB2024-1 og '])(
    'of %j is extracted well under a second',
    (token) => {
      const line = token.repeat(Math.ceil(100_000 / token.length));
      extractText(letter(line)); // warm-up: compile the patterns once
      const start = performance.now();
      extractText(letter(line));
      expect(performance.now() - start).toBeLessThan(500);
    },
  );
});
