/**
 * The fictional letters in test/fixtures/letters: each layout of issue 10 in a letter of its own, as
 * text and HTML (and DOCX/PDF built from the text). Helpers to read them, to compare what two editions
 * of one letter give, and to damage a letter the way documents get damaged (a row lost, a sum retyped,
 * an ID mistyped).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../../src/adapters/readers/index.js';
import { extract } from '../../src/core/extract/extract.js';
import type { ExtractionResult, Warning } from '../../src/core/model/extraction.js';
import { splitRawLines } from '../../src/core/text/lines.js';
import { makeDocx, makePdf } from './make-documents.js';
import { extractText } from './seeds.js';

export const LETTERS_DIR = join(import.meta.dirname, '..', 'fixtures', 'letters');

export function letterText(file: string): string {
  return readFileSync(join(LETTERS_DIR, file), 'utf8');
}

/** Extract a fixture by its file name, through the reader its extension picks. */
export async function readLetter(file: string): Promise<ExtractionResult> {
  return extract(await readDocument(new Uint8Array(readFileSync(join(LETTERS_DIR, file))), file));
}

/** The text fixture as a DOCX or PDF built by test/helpers/make-documents.ts, extracted. */
export async function readBuilt(file: string, format: 'docx' | 'pdf'): Promise<ExtractionResult> {
  const lines = splitRawLines(letterText(file));
  const bytes = format === 'docx' ? await makeDocx(lines) : await makePdf(lines);
  return extract(await readDocument(bytes, file.replace(/\.txt$/, `.${format}`)));
}

/** Extract a (damaged) text. */
export function extractLetter(text: string): ExtractionResult {
  return extractText(text, 'skadet.txt');
}

/** What a letter says, without where it says it: for comparing editions of one letter. */
export function records(r: ExtractionResult) {
  return {
    document: {
      type: r.document.type,
      year: r.document.year,
      date: r.document.date,
      issuer: r.document.issuer,
      recipient: r.document.recipient,
      reference: r.document.reference,
    },
    goals: r.goals.map((g) => ({
      number: g.number,
      title: g.title,
      criteria: g.criteria.map((c) => c.text),
      steeringParameters: g.steeringParameters.map((c) => c.text),
      keyFigures: g.keyFigures.map((c) => c.text),
    })),
    assignments: r.assignments.map((a) => ({
      id: a.id,
      kind: a.kind,
      departments: a.departments,
      title: a.title,
      confidential: a.confidential,
      statusText: a.statusText,
      references: a.references,
      deadlines: a.deadlines.map((d) => [d.date, d.precision, d.part]),
    })),
    budgetLines: r.budgetLines.map((b) => ({
      chapter: b.chapter,
      post: b.post,
      name: b.name,
      columns: b.columns,
      amounts: b.amounts,
      flags: b.flags,
      earmarks: b.earmarks.map((e) => e.amount),
    })),
    calendar: r.calendar.map((c) => [c.date, c.time, c.text]),
    authorisations: r.authorisations.map((x) => [x.kind, x.chapter, x.post, x.amount]),
  };
}

/** Warnings as `[code, line]` pairs. */
export function codes(r: ExtractionResult): [string, number | null][] {
  return r.warnings.map((w) => [w.code, w.line]);
}

export function withCode(r: ExtractionResult, code: string): Warning[] {
  return r.warnings.filter((w) => w.code === code);
}

/** The text with the first line that contains `needle` removed (the test fails if there is none). */
export function withoutLine(text: string, needle: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
}

/** The text with the first occurrence of `from` replaced (the test fails if there is none). */
export function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`text has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
