/**
 * Letters as ministries publish them: PDFs made from Word, with ruled tables whose cells wrap over
 * several lines, header rows repeated after a page break and right-aligned amounts. The same fictional
 * letter as text, Markdown, HTML, DOCX and such a PDF must give the same records, and each damaged
 * variant (a row removed, a sum changed, an ID mangled) must give a warning in every format.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DocumentInput, readDocument } from '../../src/adapters/readers/index.js';
import { extract } from '../../src/core/extract/extract.js';
import type { ExtractionResult } from '../../src/core/model/extraction.js';
import { splitRawLines } from '../../src/core/text/lines.js';
import { fixtureLines } from '../helpers/fixtures.js';
import { makeDocx, makeHtml, makeMarkdown, makeWordPdf } from '../helpers/make-documents.js';
import { withoutProvenance } from '../helpers/provenance.js';
import { seedText } from '../helpers/seeds.js';

const LETTER = fixtureLines('kystkultur-2026.txt');

function records(result: ExtractionResult): unknown {
  const { document, sections, assignments, budgetLines, calendar, goals } = result;
  return withoutProvenance({ document, sections, assignments, budgetLines, calendar, goals });
}

async function editions(lines: readonly string[]): Promise<Record<string, DocumentInput>> {
  const text = lines.join('\n');
  const bytes = new TextEncoder().encode(text);
  return {
    txt: {
      name: 'brev.txt',
      format: 'txt',
      rawLines: lines,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    md: await readDocument(makeMarkdown(lines), 'brev.md'),
    html: await readDocument(makeHtml(lines), 'brev.html'),
    docx: await readDocument(await makeDocx(lines), 'brev.docx'),
    // A table row per page at most: the budget table runs over several pages, its header repeated.
    pdf: await readDocument(await makeWordPdf(lines, { maxTableRowsPerPage: 3 }), 'brev.pdf'),
  };
}

describe('a Word-made PDF with ruled tables', () => {
  let e: Record<string, DocumentInput>;
  beforeAll(async () => {
    e = await editions(LETTER);
  });

  it('reads each wrapped table row as one line, the repeated header once', () => {
    const pdf = e.pdf!.rawLines.map((l) => l.replace(/^[ \f]/, ''));
    expect(pdf).toContain(
      '\t21\tSpesielle driftsutgifter, kan overføres\t8 750\tKartlegging av fredede fartøy og arbeid med veileder for tradisjonsbåtlag, se oppdrag TB2026-1 og TB2026-2',
    );
    expect(pdf).toContain('\tSum kap. 3350\t\t124 950\t');
    expect(pdf.filter((l) => l.startsWith('Kap.\tPost'))).toHaveLength(1);
    expect(new Set(e.pdf!.pages).size).toBeGreaterThan(2);
  });

  it('gives the same records as the text, Markdown, HTML and DOCX editions', () => {
    const want = extract(e.txt!);
    expect(want.assignments.map((a) => a.id)).toEqual(['TB2026-1', 'TB2026-2', 'TB2026-3', 'TB2026-4']);
    expect(want.budgetLines).toHaveLength(6);
    expect(want.calendar).toHaveLength(3);
    expect(want.warnings).toEqual([]);
    for (const format of ['md', 'html', 'docx', 'pdf']) {
      const got = extract(e[format]!);
      expect(records(got), format).toEqual(records(want));
      expect(got.warnings, format).toEqual([]);
    }
  });
});

/** A copy of the letter with one line changed or removed. */
function damaged(change: (lines: string[]) => void): string[] {
  const copy = [...LETTER];
  change(copy);
  return copy;
}

const index = (pattern: RegExp): number => LETTER.findIndex((l) => pattern.test(l));

describe.each([
  ['a budget row removed', damaged((l) => l.splice(index(/^\t70\t/), 1)), 'budget_sum_mismatch'],
  [
    'a sum changed',
    damaged((l) => (l[index(/Sum kap\. 3351/)] = '\tSum kap. 3351\t\t20 540\t')),
    'budget_sum_mismatch',
  ],
  [
    'an assignment ID mangled',
    damaged((l) => (l[index(/^TB2026-3\t/)] = l[index(/^TB2026-3\t/)]!.replace('TB2026-3', 'TB2026-'))),
    'assignment_id_placeholder',
  ],
])('the letter with %s', (_, lines, code) => {
  let e: Record<string, DocumentInput>;
  beforeAll(async () => {
    e = await editions(lines);
  });

  it(`warns (${code}) in every format`, () => {
    for (const [format, input] of Object.entries(e))
      expect(
        extract(input).warnings.map((w) => w.code),
        format,
      ).toContain(code);
  });
});

describe.each([
  ['borders drawn as thin filled rectangles', { borders: 'rects' }],
  ['rules between rows only', { borders: 'horizontal' }],
  ['a table continued without its header row', { repeatHeader: false }],
] as const)('%s', (_, options) => {
  it('reads the same records as the text', async () => {
    const pdf = await readDocument(
      await makeWordPdf(LETTER, { ...options, maxTableRowsPerPage: 3 }),
      'brev.pdf',
    );
    const want = extract({ name: 'brev.txt', format: 'txt', rawLines: LETTER, sha256: '0' });
    const got = extract(pdf);
    expect(records(got)).toEqual(records(want));
    expect(got.warnings).toEqual([]);
  });
});

describe('a seed budget table as a Word-made PDF', () => {
  // "5.1 Budsjetttildelinger" of the 2024 letter: 120 lines, long comments, rows without chapter.
  const source = splitRawLines(seedText('tb2024')).slice(1119, 1240);
  it('gives the budget lines of the text', async () => {
    const pdf = await readDocument(await makeWordPdf(source, { maxTableRowsPerPage: 12 }), 'budsjett.pdf');
    const txt = { name: 'budsjett.txt', format: 'txt' as const, rawLines: source, sha256: '0' };
    const want = extract(txt).budgetLines;
    expect(want.length).toBeGreaterThan(20);
    expect(withoutProvenance(extract(pdf).budgetLines)).toEqual(withoutProvenance(want));
  });
});
