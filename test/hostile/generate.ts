/**
 * Hostile and broken inputs, generated (no committed binaries): each kind is a file name and bytes, and
 * what a careful reader must do with it. Sizes stay small enough for the default test run; the
 * linearity test and scripts/fuzz.ts scale them up.
 */
import { deflateRawSync } from 'node:zlib';
import { makeDocx, makeImageOnlyPdf, makePdf, makeZip } from '../helpers/make-documents.js';

export interface HostileInput {
  name: string;
  bytes: Uint8Array;
}

/** What must happen: a ReadError with this code, or a result carrying this warning code, or just a result. */
export type Expect = { error: string } | { warning: string } | { ok: true };

export interface HostileKind {
  kind: string;
  make: () => HostileInput | Promise<HostileInput>;
  expect: Expect;
  /** Reader limits for this case (small ones make a limit cheap to reach). */
  limits?: Partial<import('../../src/adapters/readers/limits.js').ReadLimits>;
}

const enc = new TextEncoder();
const utf8 = (s: string) => enc.encode(s);

export const LETTER = [
  'Tildelingsbrev 2025 til Helsedirektoratet',
  '',
  '1. Innledning',
  'Departementet viser til Prop. 1 S (2024–2025). Særlige oppgaver for året følger nedenfor.',
  '',
  '2. Oppdrag',
  'TB2025-1 Utrede tiltak for økt bruk av e-helse',
  'Helsedirektoratet skal utrede tiltak. Frist: 1. mars 2025.',
  'TB2025-2 Følge opp handlingsplanen',
  'Direktoratet skal rapportere på fremdrift innen 15. juni 2025.',
];
export const LETTER_TEXT = `${LETTER.join('\n')}\n`;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'be') le.swap16();
  return concat(bom ? new Uint8Array(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : new Uint8Array(), le);
}

function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
}

/** A DOCX whose word/document.xml body is given: the smallest archive mammoth opens. */
export function docxWithBody(body: string, declaredSize?: number): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: utf8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: utf8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    { name: 'word/document.xml', data: utf8(xml), ...(declaredSize !== undefined ? { declaredSize } : {}) },
  ]);
}

export const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A distinct lower-case word per number ("ba", "bb" …): page texts that differ in letters, not digits. */
function word(n: number): string {
  let out = '';
  let rest = n + 26;
  while (rest > 0) {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/** A hand-written PDF of `pages` pages, page i (0-based) showing `text` and its number. */
export function rawPdf(text: string, pages = 1): Uint8Array {
  const objs: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ');
  objs.push('<< /Type /Catalog /Pages 2 0 R >>');
  objs.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objs.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let i = 0; i < pages; i++) {
    objs.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    );
    // A different line on every page: the same text on each would be a running header.
    const line = pages > 1 ? `${text} ${word(i)} gjelder ${word(i * 7919 + 13)}` : text;
    const stream = `BT /F1 12 Tf 72 770 Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`;
    objs.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}

const MB = 1024 * 1024;

export const KINDS: HostileKind[] = [
  // Plain text: emptiness, encodings, control bytes, shapes.
  {
    kind: 'empty file',
    make: () => ({ name: 'tom.txt', bytes: new Uint8Array() }),
    expect: { error: 'empty_document' },
  },
  {
    kind: 'only blank lines',
    make: () => ({ name: 'blank.txt', bytes: utf8(' \n\t\n\r\n   \n') }),
    expect: { error: 'empty_document' },
  },
  {
    kind: 'only punctuation',
    make: () => ({ name: 'strek.txt', bytes: utf8('-----\n*** ***\n...\n') }),
    expect: { error: 'empty_document' },
  },
  {
    kind: 'UTF-8 with one invalid byte',
    make: () => {
      const b = utf8(LETTER_TEXT);
      const i = LETTER_TEXT.indexOf('Særlige');
      return { name: 'en-feil.txt', bytes: concat(b.subarray(0, i), new Uint8Array([0xff]), b.subarray(i)) };
    },
    expect: { warning: 'invalid_utf8' },
  },
  {
    kind: 'UTF-8 with invalid bytes on many lines',
    make: () => ({
      name: 'mange.txt',
      bytes: utf8(LETTER_TEXT.repeat(20).replace(/e/g, '\u0000')).map((b) => (b === 0 ? 0xe9 : b)),
    }),
    expect: { warning: 'invalid_utf8' },
  },
  {
    kind: 'Windows-1252 letter',
    make: () => ({ name: 'ansi.txt', bytes: cp1252(LETTER_TEXT) }),
    expect: { warning: 'encoding_windows_1252' },
  },
  {
    kind: 'UTF-16LE with BOM',
    make: () => ({ name: 'u16le.txt', bytes: utf16(LETTER_TEXT, 'le', true) }),
    expect: { ok: true },
  },
  {
    kind: 'UTF-16BE with BOM',
    make: () => ({ name: 'u16be.txt', bytes: utf16(LETTER_TEXT, 'be', true) }),
    expect: { ok: true },
  },
  {
    kind: 'UTF-16LE without BOM',
    make: () => ({ name: 'u16le-nobom.txt', bytes: utf16(LETTER_TEXT, 'le', false) }),
    expect: { warning: 'encoding_utf16' },
  },
  {
    kind: 'UTF-16BE without BOM',
    make: () => ({ name: 'u16be-nobom.txt', bytes: utf16(LETTER_TEXT, 'be', false) }),
    expect: { warning: 'encoding_utf16' },
  },
  {
    kind: 'UTF-8 with BOM',
    make: () => ({ name: 'bom.txt', bytes: concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(LETTER_TEXT)) }),
    expect: { ok: true },
  },
  {
    kind: 'truncated UTF-8 sequence at the end',
    make: () => ({ name: 'kuttet.txt', bytes: concat(utf8(LETTER_TEXT), new Uint8Array([0xc3])) }),
    expect: { warning: 'invalid_utf8' },
  },
  {
    kind: 'overlong UTF-8 encoding',
    make: () => ({
      name: 'overlong.txt',
      bytes: concat(utf8(LETTER_TEXT), new Uint8Array([0xc0, 0xaf, 0x0a])),
    }),
    expect: { warning: 'invalid_utf8' },
  },
  {
    kind: 'UTF-8-encoded surrogate',
    make: () => ({
      name: 'surrogat.txt',
      bytes: concat(utf8(LETTER_TEXT), new Uint8Array([0xed, 0xa0, 0x80, 0x0a])),
    }),
    expect: { warning: 'invalid_utf8' },
  },
  {
    kind: 'literal U+FFFD (valid UTF-8)',
    make: () => ({ name: 'fffd.txt', bytes: utf8(`${LETTER_TEXT}Tegn: \uFFFD\n`) }),
    expect: { ok: true },
  },
  {
    kind: 'NUL bytes (binary)',
    make: () => ({ name: 'nul.txt', bytes: concat(utf8('hei'), new Uint8Array(100)) }),
    expect: { error: 'binary_file' },
  },
  {
    kind: 'random bytes',
    make: () => ({
      name: 'støy.txt',
      bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
    }),
    expect: { error: 'binary_file' },
  },
  {
    kind: 'terminal escape sequences in text',
    make: () => ({ name: 'esc.txt', bytes: utf8(`${LETTER_TEXT}\u001b[2J\u001b]0;tittel\u0007Skjult\n`) }),
    expect: { ok: true },
  },
  {
    kind: 'bidi override characters',
    make: () => ({ name: 'bidi.txt', bytes: utf8(`${LETTER_TEXT}\u202eTB2025-9 snudd\u202c\n`) }),
    expect: { ok: true },
  },
  {
    kind: 'one 4 MB line without a newline',
    make: () => ({ name: 'linje.txt', bytes: utf8(`Oppdrag ${'ord '.repeat(1_000_000)}`) }),
    expect: { ok: true },
  },
  {
    kind: '200 000 empty lines and one word',
    make: () => ({ name: 'tomme.txt', bytes: utf8(`${'\n'.repeat(200_000)}hei\n`) }),
    expect: { ok: true },
  },
  {
    kind: '50 000 heading-like lines',
    make: () => ({ name: 'overskrifter.txt', bytes: utf8('1. Overskrift\n'.repeat(50_000)) }),
    expect: { ok: true },
  },
  {
    kind: 'old Mac line endings (CR only)',
    make: () => ({ name: 'cr.txt', bytes: utf8(LETTER.join('\r')) }),
    expect: { ok: true },
  },
  {
    kind: 'a run of 2 MB of spaces inside a line',
    make: () => ({ name: 'mellomrom.txt', bytes: utf8(`Frist: 1. mars 2025${' '.repeat(2 * MB)}slutt\n`) }),
    expect: { ok: true },
  },
  {
    kind: '10 000 assignment headers',
    make: () => ({
      name: 'oppdrag.txt',
      bytes: utf8(
        Array.from(
          { length: 10_000 },
          (_, i) => `TB2025-${i + 1} Oppdrag ${i + 1}\nFrist: 1. mars 2025.`,
        ).join('\n'),
      ),
    }),
    expect: { ok: true },
  },
  {
    kind: 'file over the size limit',
    make: () => ({ name: 'stor.txt', bytes: utf8(LETTER_TEXT.repeat(2000)) }),
    limits: { maxFileBytes: 100_000 },
    expect: { error: 'file_too_large' },
  },
  {
    kind: 'text named .pdf',
    make: () => ({ name: 'tekst.pdf', bytes: utf8(LETTER_TEXT) }),
    expect: { error: 'corrupt_pdf' },
  },
  {
    kind: 'text named .docx',
    make: () => ({ name: 'tekst.docx', bytes: utf8(LETTER_TEXT) }),
    expect: { error: 'corrupt_docx' },
  },
  {
    kind: 'unsupported extension .xlsx',
    make: () => ({ name: 'ark.xlsx', bytes: utf8(LETTER_TEXT) }),
    expect: { error: 'unsupported_format' },
  },

  // HTML: tag soup, depth, counts, hostile attributes.
  {
    kind: 'HTML: 100 000 unclosed <p>',
    make: () => ({ name: 'p.html', bytes: utf8(`<html><body>${'<p>avsnitt '.repeat(100_000)}`) }),
    expect: { ok: true },
  },
  {
    kind: 'HTML: 100 000 nested <div>',
    make: () => ({ name: 'dyp.html', bytes: utf8(`<html><body>${'<div>'.repeat(100_000)}tekst`) }),
    expect: { error: 'html_too_deep' },
  },
  {
    kind: 'HTML: 300 nested tables',
    make: () => ({ name: 'tabeller.html', bytes: utf8(`<html><body>${'<table><tr><td>'.repeat(300)}x`) }),
    expect: { error: 'html_too_deep' },
  },
  {
    kind: 'HTML: more elements than the limit',
    make: () => ({ name: 'mange.html', bytes: utf8(`<html><body>${'<span>a</span>'.repeat(20_000)}`) }),
    limits: { maxHtmlElements: 10_000 },
    expect: { error: 'html_too_many_elements' },
  },
  {
    kind: 'HTML: 100 000 stray closing tags',
    make: () => ({ name: 'slutt.html', bytes: utf8(`<html><body><p>tekst</p>${'</span>'.repeat(100_000)}`) }),
    expect: { ok: true },
  },
  {
    kind: 'HTML: 2 MB of spaces in <pre>',
    make: () => ({ name: 'pre.html', bytes: utf8(`<html><body><pre>a${' '.repeat(2 * MB)}b</pre>`) }),
    expect: { ok: true },
  },
  {
    kind: 'HTML: unterminated comment',
    make: () => ({
      name: 'kommentar.html',
      bytes: utf8(`<html><body><p>tekst</p><!--${'-'.repeat(100_000)}`),
    }),
    expect: { ok: true },
  },
  {
    kind: 'HTML: only script and style',
    make: () => ({
      name: 'skript.html',
      bytes: utf8('<html><head><style>p{}</style></head><body><script>x()</script></body></html>'),
    }),
    expect: { error: 'empty_document' },
  },
  {
    kind: 'HTML: 1 MB attribute',
    make: () => ({ name: 'attr.html', bytes: utf8(`<html><body><p title="${'x'.repeat(MB)}">tekst</p>`) }),
    expect: { ok: true },
  },
  {
    kind: 'HTML: 100 000 entities',
    make: () => ({
      name: 'entiteter.html',
      bytes: utf8(`<html><body><p>${'&aelig;&#x1F600;&amp;'.repeat(100_000)}</p>`),
    }),
    expect: { ok: true },
  },
  {
    kind: 'HTML: colspan of a million',
    make: () => ({
      name: 'colspan.html',
      bytes: utf8('<html><body><table><tr><td colspan="1000000">a</td><td>b</td></tr></table>'),
    }),
    expect: { ok: true },
  },
  {
    kind: 'HTML: list start of 10^15 in Roman numerals',
    make: () => ({
      name: 'romer.html',
      bytes: utf8('<html><body><ol type="i" start="999999999999999"><li>punkt</li><li>neste</li></ol>'),
    }),
    expect: { ok: true },
  },
  {
    kind: 'HTML: invalid UTF-8',
    make: () => ({
      name: 'ugyldig.html',
      bytes: concat(utf8('<html><body><p>Særlige oppgaver '), new Uint8Array([0xff]), utf8('</p>')),
    }),
    expect: { warning: 'invalid_utf8' },
  },
  {
    kind: 'HTML: UTF-16 with BOM',
    make: () => ({ name: 'u16.html', bytes: utf16(`<html><body><p>${LETTER_TEXT}</p>`, 'le', true) }),
    expect: { ok: true },
  },

  // DOCX: archives that lie, break or nest.
  {
    kind: 'DOCX: zip bomb declared in the directory',
    make: () => ({
      name: 'bombe.docx',
      bytes: makeZip([{ name: 'word/document.xml', data: new Uint8Array(24 * MB) }]),
    }),
    expect: { error: 'docx_too_large' },
  },
  {
    kind: 'DOCX: directory understates the inflated size',
    make: () => ({ name: 'løgn.docx', bytes: docxWithBody(para('x'.repeat(3 * MB)), 1000) }),
    limits: { maxInflatedBytes: 2 * MB },
    expect: { error: 'docx_too_large' },
  },
  {
    kind: 'DOCX: random bytes',
    make: () => ({
      name: 'støy.docx',
      bytes: concat(
        new Uint8Array([0x50, 0x4b, 3, 4]),
        Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) % 251),
      ),
    }),
    expect: { error: 'corrupt_docx' },
  },
  {
    kind: 'DOCX: no word/document.xml',
    make: () => ({ name: 'tom-zip.docx', bytes: makeZip([{ name: 'a.txt', data: utf8('hei') }]) }),
    expect: { error: 'corrupt_docx' },
  },
  {
    kind: 'DOCX: malformed XML',
    make: () => ({ name: 'xml.docx', bytes: docxWithBody('<w:p><w:r><w:t>åpen') }),
    expect: { error: 'corrupt_docx' },
  },
  {
    kind: 'DOCX: empty body',
    make: () => ({ name: 'tom.docx', bytes: docxWithBody('') }),
    expect: { error: 'empty_document' },
  },
  {
    kind: 'DOCX: 500 nested tables',
    make: () => ({
      name: 'nestet.docx',
      bytes: docxWithBody(
        `${'<w:tbl><w:tr><w:tc>'.repeat(500)}${para('x')}${'</w:tc></w:tr></w:tbl>'.repeat(500)}`,
      ),
    }),
    expect: { error: 'html_too_deep' },
  },
  {
    kind: 'DOCX: 20 000 paragraphs',
    make: () => ({ name: 'lang.docx', bytes: docxWithBody(para('Avsnitt med tekst.').repeat(5_000)) }),
    expect: { ok: true },
  },
  {
    kind: 'DOCX: a real letter cut in half',
    make: async () => {
      const b = await makeDocx(LETTER);
      return { name: 'halv.docx', bytes: b.subarray(0, b.length >> 1) };
    },
    expect: { error: 'corrupt_docx' },
  },
  {
    kind: 'DOCX: stored entry, deflate stream garbage',
    make: () => {
      const z = docxWithBody(para('tekst'));
      const bad = Uint8Array.from(z);
      bad.fill(0xaa, 300, 340);
      return { name: 'søppel.docx', bytes: bad };
    },
    expect: { error: 'corrupt_docx' },
  },

  // PDF: broken, locked, empty, long.
  {
    kind: 'PDF: header only',
    make: () => ({ name: 'hode.pdf', bytes: utf8('%PDF-1.7\n') }),
    expect: { error: 'corrupt_pdf' },
  },
  {
    kind: 'PDF: cut in half',
    make: async () => {
      const b = await makePdf(LETTER);
      return { name: 'halv.pdf', bytes: b.subarray(0, b.length >> 1) };
    },
    expect: { error: 'corrupt_pdf' },
  },
  {
    kind: 'PDF: password protected',
    make: async () => ({ name: 'passord.pdf', bytes: await makePdf(LETTER, { userPassword: 'x' }) }),
    expect: { error: 'encrypted_pdf' },
  },
  {
    kind: 'PDF: scanned (no text layer)',
    make: async () => ({ name: 'skann.pdf', bytes: await makeImageOnlyPdf(1) }),
    expect: { error: 'no_text_layer' },
  },
  {
    kind: 'PDF: more pages than the limit',
    make: () => ({ name: 'sider.pdf', bytes: rawPdf('Side', 30) }),
    limits: { maxPdfPages: 10 },
    expect: { error: 'too_many_pages' },
  },
  {
    kind: 'PDF: hand-written, one page of text',
    make: () => ({ name: 'enkel.pdf', bytes: rawPdf('Tildelingsbrev 2025') }),
    expect: { ok: true },
  },
  {
    kind: 'PDF: zero pages',
    make: () => ({ name: 'null.pdf', bytes: rawPdf('x', 0) }),
    expect: { error: 'corrupt_pdf' },
  },
  {
    kind: 'PDF: only whitespace text',
    make: () => ({ name: 'blank.pdf', bytes: rawPdf('   ') }),
    expect: { error: 'no_text_layer' },
  },
  {
    kind: 'PDF: content stream is a deflate bomb',
    make: () => {
      const junk = deflateRawSync(new Uint8Array(8 * MB));
      const head = utf8('%PDF-1.4\n1 0 obj\n<< /Length ');
      return {
        name: 'strøm.pdf',
        bytes: concat(
          head,
          utf8(`${junk.length} /Filter /FlateDecode >>\nstream\n`),
          junk,
          utf8('\nendstream\nendobj\n%%EOF\n'),
        ),
      };
    },
    expect: { error: 'corrupt_pdf' },
  },
];
