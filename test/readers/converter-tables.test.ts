/**
 * Tables as converters and word processors leave them: line breaks and emphasis inside cells (`<br>`,
 * `<b>`, `**…**`), a table continued after a page break without its header row, an empty header row,
 * assignment headers laid out as a table row. The hand-written Markdown and HTML editions of the
 * fictional letter must give the records of its text edition; a damaged copy must give a warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/adapters/readers/index.js';
import { extract } from '../../src/core/extract/extract.js';
import type { ExtractionResult } from '../../src/core/model/extraction.js';
import { FORMATS_DIR, fixtureLines } from '../helpers/fixtures.js';
import { withoutProvenance } from '../helpers/provenance.js';

function records(result: ExtractionResult): unknown {
  const { document, sections, assignments, budgetLines, calendar, goals } = result;
  return withoutProvenance({ document, sections, assignments, budgetLines, calendar, goals });
}

const text = extract({
  name: 'brev.txt',
  format: 'txt',
  rawLines: fixtureLines('kystkultur-2026.txt'),
  sha256: '0',
});
const source = (ext: string): string => readFileSync(join(FORMATS_DIR, `kystkultur-2026.${ext}`), 'utf8');
const read = async (content: string, ext: string) =>
  extract(await readDocument(new TextEncoder().encode(content), `brev.${ext}`));

describe.each(['md', 'html'])('the letter as a converter writes it (.%s)', (ext) => {
  it('gives the records of the text edition, without warnings', async () => {
    const got = await read(source(ext), ext);
    expect(got.source.format).toBe(ext);
    expect(records(got)).toEqual(records(text));
    expect(got.warnings).toEqual([]);
  });

  it('warns when a sum no longer foots', async () => {
    const changed = source(ext).replace('124 950', '124 590');
    const got = await read(changed, ext);
    expect(got.warnings.map((w) => w.code)).toContain('budget_sum_mismatch');
  });

  it('warns when the continued table lost a row', async () => {
    const lines = source(ext).split('\n');
    const got = await read(lines.filter((l) => !/\b70\b.*Tilskudd til fartøyvern/.test(l)).join('\n'), ext);
    expect(got.budgetLines).toHaveLength(5);
    expect(got.warnings.map((w) => w.code)).toContain('budget_sum_mismatch');
  });

  it('warns about an assignment whose ID is mangled', async () => {
    const got = await read(source(ext).replace('TB2026-4', 'TB2026-'), ext);
    expect(got.warnings.map((w) => w.code)).toContain('assignment_id_placeholder');
  });
});

describe('assignment headers as a table row with a bare department cell', () => {
  it('reads the department from the cell under "Avdeling"', () => {
    const lines = fixtureLines('kystkultur-2026.txt').map((l) => l.replace(/\tAvd\. KKD: /, '\t'));
    const got = extract({ name: 'brev.txt', format: 'txt', rawLines: lines, sha256: '0' });
    expect(got.assignments.map((a) => [a.id, a.departments, a.title])).toEqual(
      text.assignments.map((a) => [a.id, a.departments, a.title]),
    );
  });
});
