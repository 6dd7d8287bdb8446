/**
 * Structure-aware fuzzing (fast-check): inputs that look like letters, web pages, Word XML and PDF
 * objects, mutated where real files break (a lost closing tag, a wrong /Length, an invalid byte, a cut).
 * `checkInput` reads and extracts one; it must end in a result or a ReadError naming the file.
 * Used by hostile/fuzz.test.ts (a short run) and scripts/fuzz.ts (the long one).
 */
import fc from 'fast-check';
import { ReadError } from '../../src/adapters/readers/errors.js';
import { readContext, readDocument } from '../../src/adapters/readers/index.js';
import { DEFAULT_LIMITS } from '../../src/adapters/readers/limits.js';
import { extract } from '../../src/core/extract/extract.js';
import { docxWithBody, LETTER, para, rawPdf } from './generate.js';

export interface FuzzInput {
  name: string;
  bytes: Uint8Array;
}

/** Pieces of real letters, and pieces that break parsers. */
const TOKENS = [
  ...LETTER,
  '3. Oppdrag',
  'TB2025-7 Utrede ordning',
  'Frist: 31. desember 2025',
  'Kap.\tPost\tNavn\tBeløp',
  '0740\t01\tDriftsutgifter\t1 234 567',
  'Mål 1: Bedre helse',
  '• punkt',
  'a) deloppdrag',
  'Side 3 av 9',
  '',
  '\t\t\t',
  '\u001b[2J',
  '\u202e',
  '\uFFFD',
  '(((((',
  '9'.repeat(40),
  'ÆØÅ æøå',
];

const text = fc.oneof(
  fc.constantFrom(...TOKENS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** A letter's lines with lines inserted, dropped and repeated. */
const lines = fc.array(text, { minLength: 0, maxLength: 60 });

/** Byte-level damage after encoding: flipped bytes, a cut, inserted invalid bytes. */
const damage = fc.record({
  flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
  cut: fc.option(fc.nat(), { nil: null }),
});

function damaged(bytes: Uint8Array, d: { flips: [number, number][]; cut: number | null }): Uint8Array {
  const out = Uint8Array.from(bytes);
  if (out.length > 0) for (const [at, b] of d.flips) out[at % out.length] = b;
  return d.cut === null || out.length === 0 ? out : out.subarray(0, d.cut % (out.length + 1));
}

const encoding = fc.constantFrom('utf8', 'utf16le', 'latin1') as fc.Arbitrary<BufferEncoding>;

export const txtInput: fc.Arbitrary<FuzzInput> = fc
  .tuple(lines, encoding, damage)
  .map(([ls, e, d]) => ({ name: 'fuzz.txt', bytes: damaged(Buffer.from(ls.join('\n'), e), d) }));

const TAGS = [
  'p',
  'div',
  'span',
  'b',
  'table',
  'tr',
  'td',
  'th',
  'ul',
  'ol',
  'li',
  'pre',
  'h2',
  'script',
  'br',
];
const ATTRS = [
  '',
  ' colspan="3"',
  ' colspan="99999"',
  ' start="-5"',
  ' type="i"',
  ' start="1e12"',
  ' hidden',
  ' style="display:none"',
  ' value="x"',
];

/** An element tree serialised with some closing tags left out, as broken editors write them. */
const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((t) => t.replace(/[<&]/g, ' ')),
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.constantFrom(...ATTRS),
        fc.array(tie('node'), { maxLength: 5 }),
        fc.boolean(),
      )
      .map(([tag, attr, kids, close]) => `<${tag}${attr}>${kids.join('')}${close ? `</${tag}>` : ''}`),
  ),
})).node;

export const htmlInput: fc.Arbitrary<FuzzInput> = fc
  .tuple(
    fc.array(htmlTree, { maxLength: 8 }),
    fc.constantFrom('utf8', 'utf16le') as fc.Arbitrary<BufferEncoding>,
    damage,
  )
  .map(([nodes, e, d]) => ({
    name: 'fuzz.html',
    bytes: damaged(Buffer.from(`<html><body>${nodes.join('\n')}</body></html>`, e), d),
  }));

/** Word body XML: paragraphs, runs, tables, nested a little; then a character-level mutation. */
const wordBlock: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((t) => para(t.replace(/[<&]/g, ' '))),
    fc
      .array(fc.array(tie('block'), { maxLength: 2 }), { maxLength: 3 })
      .map(
        (rows) =>
          `<w:tbl>${rows.map((cells) => `<w:tr><w:tc>${cells.join('') || para('')}</w:tc></w:tr>`).join('')}</w:tbl>`,
      ),
  ),
})).block;

const xmlMutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('none', 'delete', 'insert-lt', 'insert-close', 'truncate'),
});

export const docxInput: fc.Arbitrary<FuzzInput> = fc
  .tuple(fc.array(wordBlock, { maxLength: 10 }), xmlMutation, damage)
  .map(([blocks, m, d]) => {
    let body = blocks.join('');
    const at = body.length === 0 ? 0 : m.at % body.length;
    if (m.kind === 'delete') body = body.slice(0, at) + body.slice(at + 1);
    else if (m.kind === 'insert-lt') body = `${body.slice(0, at)}<${body.slice(at)}`;
    else if (m.kind === 'insert-close') body = `${body.slice(0, at)}</w:p>${body.slice(at)}`;
    else if (m.kind === 'truncate') body = body.slice(0, at);
    const zip = docxWithBody(body);
    // Byte damage only sometimes: a damaged archive is mostly refused before the XML matters.
    return { name: 'fuzz.docx', bytes: d.flips.length > 2 ? damaged(zip, d) : zip };
  });

/** A PDF whose tokens (numbers, names, operators, text) are replaced, dropped or repeated. */
const pdfMutation = fc.array(
  fc.record({
    at: fc.nat(),
    op: fc.constantFrom('number', 'drop', 'repeat', 'name', 'text'),
    value: fc.oneof(fc.integer({ min: -1, max: 2 ** 31 }), fc.constant(0)),
  }),
  { maxLength: 4 },
);

export const pdfInput: fc.Arbitrary<FuzzInput> = fc
  .tuple(fc.array(text, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 4 }), pdfMutation)
  .map(([texts, pages, muts]) => {
    const src = Buffer.from(rawPdf(texts.join(' ').replace(/[^\x20-\x7e]/g, '?'), pages)).toString('latin1');
    const tokens = src.split(/(\s+)/);
    for (const m of muts) {
      const i = m.at % tokens.length;
      const t = tokens[i] ?? '';
      if (m.op === 'number' && /^\d+$/.test(t)) tokens[i] = String(m.value);
      else if (m.op === 'drop') tokens[i] = '';
      else if (m.op === 'repeat') tokens[i] = `${t} ${t}`;
      else if (m.op === 'name') tokens[i] = '/Kids';
      else if (m.op === 'text') tokens[i] = '(((';
    }
    return { name: 'fuzz.pdf', bytes: Buffer.from(tokens.join(''), 'latin1') };
  });

export const FUZZ_FORMATS = { txt: txtInput, html: htmlInput, docx: docxInput, pdf: pdfInput } as const;

/** Tight limits so fuzzing reaches them; a short time budget turns any hang into a failure quickly. */
const FUZZ_LIMITS = { ...DEFAULT_LIMITS, maxHtmlDepth: 60, timeBudgetMs: 10_000 };

export type FuzzOutcome = 'read' | 'refused';

/**
 * Read and extract one input. A ReadError naming the file is a fine outcome; anything else thrown
 * (a crash, a raw library error) is re-thrown for the caller to report.
 */
export async function checkInput(input: FuzzInput): Promise<FuzzOutcome> {
  try {
    const doc = await readDocument(input.bytes, input.name, readContext(input.name, FUZZ_LIMITS));
    const result = extract(doc);
    if (!Array.isArray(result.warnings)) throw new Error('result without warnings');
    return 'read';
  } catch (err) {
    if (err instanceof ReadError) {
      if (!err.message.startsWith(`${input.name}: `))
        throw new Error(`ReadError without the file name: ${err.message}`);
      return 'refused';
    }
    throw err;
  }
}
