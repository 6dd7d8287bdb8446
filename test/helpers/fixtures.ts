/** Fictional letters written for the format tests (test/fixtures/formats), and their damaged variants. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitRawLines } from '../../src/core/text/lines.js';

export const FORMATS_DIR = join(import.meta.dirname, '..', 'fixtures', 'formats');

export function fixtureLines(name: string): string[] {
  return splitRawLines(readFileSync(join(FORMATS_DIR, name), 'utf8'));
}

/**
 * The same letter as an archive stores it without line breaks: every page one line, its lines joined
 * by spaces (a table row's cells too). `pageLines` is how many source lines a page holds.
 */
export function flatten(lines: readonly string[], pageLines: number): string[] {
  const pages: string[] = [];
  for (let i = 0; i < lines.length; i += pageLines)
    pages.push(
      lines
        .slice(i, i + pageLines)
        .map((l) => l.replace(/\t+/g, ' ').trim())
        .filter((l) => l !== '')
        .join(' '),
    );
  return pages;
}
