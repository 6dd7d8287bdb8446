/**
 * Pathological inputs that scale: each makes an input of about `n` units (lines, tags, pages) that
 * stresses one reader where a careless implementation goes quadratic. Used by the linearity test
 * and by scripts/fuzz.ts.
 */
import { docxWithBody, para, rawPdf } from './generate.js';

const enc = new TextEncoder();
const utf8 = (s: string) => enc.encode(s);

export interface Pathological {
  reader: 'txt' | 'html' | 'docx' | 'pdf';
  kind: string;
  name: string;
  /** Base size (units) that takes tens of milliseconds. */
  base: number;
  make: (n: number) => Uint8Array;
}

export const PATHOLOGICAL: Pathological[] = [
  {
    reader: 'txt',
    kind: 'an invalid byte on every line',
    name: 'ugyldig.txt',
    base: 40_000,
    make: (n) => Buffer.from('S\u00e6r\n'.repeat(n), 'latin1'),
  },
  {
    reader: 'txt',
    kind: 'UTF-16 without BOM',
    name: 'u16.txt',
    base: 120_000,
    make: (n) => Buffer.from('Særlige oppgaver\n'.repeat(n), 'utf16le'),
  },
  {
    reader: 'html',
    kind: 'unclosed <p>',
    name: 'p.html',
    base: 20_000,
    make: (n) => utf8(`<html><body>${'<p>avsnitt '.repeat(n)}`),
  },
  {
    reader: 'html',
    kind: 'stray closing tags inside 150 open elements',
    name: 'slutt.html',
    base: 20_000,
    make: (n) => utf8(`<html><body>${'<div>'.repeat(150)}${'</span>x'.repeat(n)}`),
  },
  {
    reader: 'html',
    kind: 'unclosed table cells',
    name: 'td.html',
    base: 4_000,
    make: (n) => utf8(`<html><body><table>${'<tr><td>a<td>b'.repeat(n)}`),
  },
  {
    reader: 'html',
    kind: 'a run of spaces in <pre>',
    name: 'pre.html',
    base: 1_600_000,
    make: (n) => utf8(`<html><body><pre>a${' '.repeat(n)}b</pre>`),
  },
  {
    reader: 'html',
    kind: 'list items at depth 150',
    name: 'ol.html',
    base: 10_000,
    make: (n) => utf8(`<html><body>${'<ol>'.repeat(150)}${'<li>x'.repeat(n)}`),
  },
  {
    reader: 'docx',
    kind: 'many paragraphs',
    name: 'lang.docx',
    base: 300,
    make: (n) => docxWithBody(para('Avsnitt med tekst.').repeat(n)),
  },
  {
    reader: 'pdf',
    kind: 'many pages',
    name: 'sider.pdf',
    base: 10,
    make: (n) => rawPdf('Tildelingsbrev side', n),
  },
];
