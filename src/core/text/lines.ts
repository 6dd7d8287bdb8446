/**
 * The line model every extraction stage works on. A reader (txt, pdf, docx, html) produces the raw
 * lines; `toLines` normalises them and keeps each one's 1-based source line number.
 *
 * One source line may become several logical lines (an HTML export puts a whole assignment body on one
 * line as `<p>…</p> <p>…</p> <ul> - item - item`), all carrying the same `no`.
 */
import { isFlattened, mayBeFlattened, splitFlattened } from './flattened.js';
import { normaliseText } from './normalise.js';

export interface Line {
  /** 1-based line number in the source file. */
  no: number;
  /** Normalised text: inline markup removed, glyphs and spaces cleaned, trimmed. Tabs separate cells. */
  text: string;
  /** The line opens a new page (PDF text exports indent a page's first line by one space). */
  pageStart: boolean;
  /** A surviving running footer such as "Side 37"; its text is blanked so it never joins content. */
  footer: boolean;
  /**
   * The source line as read, before normalisation (shared by the logical lines split from it). Layout
   * hints that normalisation removes live here, e.g. the double space between two amount columns
   * in `37 159  37 692`.
   */
  raw: string;
  /** Cut out of a source line whose line breaks were lost (see flattened.ts). */
  flattened?: true;
}

const FOOTER_RE = /^(?:Side|side|Page)\s+\d+(?:\s*(?:av|of)\s*\d+)?$/;
const BLOCK_TAG_RE = /<\/?(?:p|div|li|ul|ol|h[1-6]|tr|table|tbody|thead|td|th)\b[^>]*>/gi;

/**
 * Split one source line at HTML block boundaries. Inside `<ul>` items start with " - ", inside `<ol>`
 * with " 1) " or " a. "; both only when a capital letter follows, so hyphens and numbers in prose stay.
 */
export function splitBlocks(raw: string): string[] {
  if (!raw.includes('<')) return [raw];
  const parts: string[] = [];
  let listKind: 'ul' | 'ol' | null = null;
  let last = 0;
  const pushText = (chunk: string) => {
    if (listKind === 'ul') {
      for (const item of chunk.split(/\s+(?=-\s+\p{Lu})/u)) parts.push(item);
    } else if (listKind === 'ol') {
      for (const item of chunk.split(/\s+(?=(?:\d{1,2}\)|[a-z]\.|[ivx]{1,4}\.)\s+\p{Lu})/u)) parts.push(item);
    } else parts.push(chunk);
  };
  for (const m of raw.matchAll(BLOCK_TAG_RE)) {
    pushText(raw.slice(last, m.index));
    const tag = m[0].toLowerCase();
    if (tag.startsWith('<ul')) listKind = 'ul';
    else if (tag.startsWith('<ol')) listKind = 'ol';
    else if (tag.startsWith('<p')) listKind = null;
    last = m.index + m[0].length;
  }
  pushText(raw.slice(last));
  // A row of a tab-separated table keeps its cell structure: re-join pieces that only held a tab.
  return parts.filter((p, i) => p.trim() !== '' || (i === parts.length - 1 && p.includes('\t')));
}

const HYPHEN_END_RE = /(\p{L}{2,})-$/u;
// "helse- og omsorgstjenester": a suspended compound, not a broken word.
const SUSPENDED_NEXT_RE = /^(?:og|eller|og\/eller|til|samt|som|enn|,)\b/;

/**
 * Re-join words hyphenated across a line (or page) break: "opp-" + "følging av" becomes "oppfølging" +
 * "av". Blank lines between the halves (double-spaced exports) are skipped.
 */
function joinHyphenated(lines: Line[]): void {
  for (let i = 0; i < lines.length; i++) {
    const cur = lines[i]!;
    if (!cur.text.endsWith('-') || cur.text.includes('\t')) continue;
    const m = HYPHEN_END_RE.exec(cur.text.slice(-40));
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && (lines[j]!.text === '' || lines[j]!.footer) && j - i < 4) j++;
    const next = lines[j];
    if (!next || next.text.includes('\t')) continue;
    const wm = /^(\p{Ll}[\p{L}\d]*)([.,;:)»"]*)(\s+|$)/u.exec(next.text);
    if (!wm || SUSPENDED_NEXT_RE.test(next.text)) continue;
    cur.text = cur.text.slice(0, -1) + wm[1]! + (wm[2] ?? '');
    next.text = next.text.slice(wm[0].length).trimStart();
  }
}

interface Block {
  no: number;
  text: string;
  pageStart: boolean;
  raw: string;
}

/** Turn raw source lines (index 0 = line 1) into normalised logical lines. */
export function toLines(rawLines: readonly string[]): Line[] {
  const blocks: Block[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i]!.replace(/\r$/, '');
    const no = i + 1;
    // A page's first line starts with one space (or a form feed); an indented table cell starts with a tab.
    const c0 = raw.charCodeAt(0);
    const pageStart = (c0 === 32 || c0 === 12) && /^(?:\f| [\u00A0 ]*\S)/.test(raw);
    const split = splitBlocks(raw);
    split.forEach((block, k) => {
      blocks.push({
        no,
        text: normaliseText(block.replace(/\f/g, '')),
        pageStart: pageStart && k === 0,
        raw,
      });
    });
    if (split.length === 0) blocks.push({ no, text: '', pageStart: false, raw });
  }
  const flattened = blocks.some((b) => isFlattened(b.text));
  const out: Line[] = [];
  for (const b of blocks) {
    const cut = flattened && mayBeFlattened(b.text);
    (cut ? splitFlattened(b.text) : [b.text]).forEach((piece, k) => {
      const footer = piece.length < 16 && FOOTER_RE.test(piece);
      const line: Line = {
        no: b.no,
        text: footer ? '' : piece,
        pageStart: b.pageStart && k === 0,
        footer,
        raw: b.raw,
      };
      out.push(cut ? { ...line, flattened: true } : line);
    });
  }
  joinHyphenated(out);
  return out;
}

/** Split a text into raw lines the way every reader does (LF, CRLF or CR). */
export function splitRawLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function cells(line: Line): string[] {
  return line.text.split('\t').map((c) => c.trim());
}
