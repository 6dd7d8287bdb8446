/**
 * Sub-tasks (deloppdrag) of an assignment body: `a)` … `g)`, `1)`, `(1)`, `1.`, `Pkt. 2`,
 * `Del 1`, `Deloppdrag 1: Fast ansettelse …`.
 *
 * The first marker style met is the sub-task level; other styles under it are nested items (`1)` with
 * `a.` items beneath it). A list-style sub-task runs over its wrapped lines and nested items and ends at
 * a new paragraph (a full sentence followed by a capitalised line) or at the next sub-task; a
 * `Del`/`Deloppdrag` sub-task is a section of the body and runs until the next one.
 * An HTML export can put a whole ordered list on one line (`1. … planen. 2. … 3. Følgende …:`); such a
 * line is split where the next number follows a finished sentence.
 */
import type { AssignmentPart } from '../../model/extraction.js';
import { headingLike } from './scan.js';

export interface BodyLine {
  no: number;
  text: string;
  /** Index into the document's logical lines. */
  index?: number;
  /** A blank line precedes this one. */
  gap?: boolean;
}

type Style = 'letterParen' | 'numParen' | 'numDot' | 'del' | 'pkt';

interface Marker {
  style: Style;
  key: string;
  label: string;
  rest: string;
}

const BULLET_RE = /^(?:[-•–]\s+)/;
const DEL_RE = /^(Del|Deloppdrag|DEL|DELOPPDRAG)\s+(\d{1,2}|[a-h])(?:\s*[:.)\-–]\s*|\s*$|\s+(?=\p{Lu}))/u;
const PKT_RE = /^(?:Pkt|Punkt)\.?\s*(\d{1,2})\b\s*[:.)]?\s*/i;
const LETTER_PAREN_RE = /^\(?([a-hj-zæøå])\)\s*/;
const NUM_PAREN_RE = /^\(?(\d{1,2})\)\s*/;
const NUM_DOT_RE = /^(\d{1,2})\.(?!\d)\s+(?=\S)/;

/**
 * Cheap test on the first characters: markers open with a bullet, a bracket, a digit, "Del…", "Pkt",
 * "Punkt" or a letter followed by ")". Most body lines are plain prose and stop here.
 */
function mayBeMarker(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return true; // 0-9
  if (c === 40 || c === 45 || c === 0x2022 || c === 0x2013) return true; // ( - • –
  if (c === 68 || c === 80 || c === 112) return true; // D, P, p
  return text.charCodeAt(1) === 41 || text.charCodeAt(2) === 41; // "a)", "(a)"
}

function readMarker(text: string): Marker | null {
  if (!mayBeMarker(text)) return null;
  const s = text.replace(BULLET_RE, '');
  let m = DEL_RE.exec(s);
  if (m) {
    const word = m[1]!.toLowerCase();
    const key = m[2]!.toLowerCase();
    return { style: 'del', key, label: word === 'del' ? `Del ${key}` : key, rest: s.slice(m[0].length) };
  }
  m = PKT_RE.exec(s);
  if (m) return { style: 'pkt', key: m[1]!, label: m[1]!, rest: s.slice(m[0].length) };
  m = LETTER_PAREN_RE.exec(s);
  if (m && s.length > m[0].length)
    return { style: 'letterParen', key: m[1]!, label: m[1]!, rest: s.slice(m[0].length) };
  m = NUM_PAREN_RE.exec(s);
  if (m && s.length > m[0].length)
    return { style: 'numParen', key: m[1]!, label: m[1]!, rest: s.slice(m[0].length) };
  m = NUM_DOT_RE.exec(s);
  if (m) return { style: 'numDot', key: m[1]!, label: m[1]!, rest: s.slice(m[0].length) };
  return null;
}

function firstKey(style: Style): string[] {
  if (style === 'letterParen') return ['a'];
  if (style === 'numParen' || style === 'numDot') return ['1'];
  return [];
}

function nextKey(key: string): string {
  if (/^\d+$/.test(key)) return String(Number(key) + 1);
  return String.fromCharCode(key.charCodeAt(0) + 1);
}

/** Split `1. … planen. 2. … 3. …` (one HTML line) into its items. */
function splitInline(line: BodyLine, marker: Marker): BodyLine[] {
  if (marker.style !== 'numDot' && marker.style !== 'numParen') return [line];
  const out: BodyLine[] = [];
  let text = line.text;
  let key = marker.key;
  for (let guard = 0; guard < 30; guard++) {
    const want = nextKey(key);
    const sep = marker.style === 'numDot' ? '\\.' : '\\)';
    const re = new RegExp(`(?<=[.:;!?]\\s)${want}${sep}\\s+(?=\\p{Lu})`, 'u');
    const m = re.exec(text);
    if (!m) break;
    out.push({ no: line.no, text: text.slice(0, m.index).trim() });
    text = text.slice(m.index);
    key = want;
  }
  out.push({ no: line.no, text });
  return out;
}

/**
 * A sentence can end exactly where a PDF line wraps: "… spesielt rettet mot EHDS." ⏎ "Arbeidet skal gi
 * rammer for felles struktur og harmonisering" goes on in the same item. The break is a wrap, not the end
 * of the item, when the next line's first word would not have fitted on the line (judged by the next
 * line's width), or when the line is nearly as wide as the item's line before it (`width`). A short
 * line keeps the sentence rule: the item ends there.
 */
const DEADLINE_LINE_RE = /^(?:Frist|Fristen|Frister|Ny frist)\b/;

function wrapsAtSentenceEnd(line: string, next: string, width: number): boolean {
  if (line.length < 40) return false;
  if (width > 0 && line.length >= width * 0.8) return true;
  if (next.length < line.length) return false;
  const space = next.indexOf(' ');
  const word = space < 0 ? next.length : space;
  return line.length + 1 + word > next.length;
}

export interface PartsResult {
  parts: AssignmentPart[];
  /** For each body line (by position in the expanded list), the label of the sub-task it is in. */
  lines: BodyLine[];
  partOf: Array<string | null>;
}

export function readParts(body: readonly BodyLine[]): PartsResult {
  // Expand inline enumerations first, so each item is a line of its own.
  const lines: BodyLine[] = [];
  for (const l of body) {
    const mk = readMarker(l.text);
    if (mk) lines.push(...splitInline(l, mk));
    else lines.push(l);
  }
  const partOf: Array<string | null> = lines.map(() => null);
  let gaps = 0;
  for (const l of lines) if (l.gap) gaps++;
  const singleSpaced = gaps * 2 < lines.length;
  const parts: AssignmentPart[] = [];
  let style: Style | null = null;
  const seen = new Set<string>();
  let current: { label: string; texts: string[]; first: number; last: number } | null = null;
  let prevText = '';
  let prevNo = -1;
  /** Length of the item's line before the previous one (0 when there is none). */
  let width = 0;
  const close = () => {
    if (current) {
      parts.push({
        label: current.label,
        text: current.texts.join('\n'),
        lines: [current.first, current.last],
      });
    }
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const mk = readMarker(l.text);
    const startsTop =
      mk !== null &&
      (style === null
        ? firstKey(mk.style).length === 0 || firstKey(mk.style).includes(mk.key)
        : mk.style === style && !seen.has(mk.key));
    if (mk && startsTop) {
      close();
      style = mk.style;
      seen.add(mk.key);
      // The label is kept apart; the text is the sub-task without its marker ("- a) Utarbeide …").
      current = { label: mk.label, texts: [mk.rest], first: l.no, last: l.no };
      partOf[i] = mk.label;
      prevText = l.text;
      prevNo = l.no;
      width = 0;
      continue;
    }
    if (current) {
      const c: { label: string; texts: string[]; first: number; last: number } = current;
      const nested = mk !== null || /^[-•–o✓]\s/.test(l.text);
      // Logical lines of one source line (HTML blocks) and a line after a blank line in single-spaced
      // text are separate blocks; a short heading inside the body ("Gjennomføring") and a deadline line
      // ("Frist: 15. mars for oppdrag 4; …", set on a line of its own) start a new one.
      const wrapped =
        !/[.!?]["»”)]?$/.test(prevText) ||
        /^\p{Ll}/u.test(l.text) ||
        (prevNo !== l.no &&
          !(singleSpaced && l.gap === true) &&
          !headingLike(l.text) &&
          !DEADLINE_LINE_RE.test(l.text) &&
          wrapsAtSentenceEnd(prevText, l.text, width));
      if (style === 'del' || nested || wrapped) {
        if (nested || style === 'del') c.texts.push(l.text);
        else c.texts[c.texts.length - 1] = `${c.texts[c.texts.length - 1]} ${l.text}`;
        c.last = l.no;
        partOf[i] = c.label;
        width = prevText.length;
        prevText = l.text;
        prevNo = l.no;
        continue;
      }
      close();
    }
    prevText = l.text;
    prevNo = l.no;
  }
  close();
  if (parts.length === 1 && style !== 'del' && style !== 'pkt') {
    // A single "1." is a sentence that happens to start with a number, not a list of sub-tasks.
    return { parts: [], lines, partOf: lines.map(() => null) };
  }
  return { parts, lines, partOf };
}

/**
 * Sub-tasks a line names: "Deloppdrag b) og c) har frist …", "deloppdrag 1 innen 1. juni",
 * "Oppdragets del 2 skal …", "for oppdrag 4", "(pkt. 1)". Only labels the assignment has count.
 */
export function namedParts(text: string, labels: ReadonlySet<string>): string[] {
  if (labels.size === 0) return [];
  const out: string[] = [];
  const re =
    /\b(?:deloppdrag|del|pkt\.?|punkt|oppdrag)\s+((?:[a-h]\)?|\d{1,2}\)?)(?:\s*(?:,|og|til|-|–)\s*(?:[a-h]\)?|\d{1,2}\)?))*)/gi;
  for (const m of text.matchAll(re)) {
    for (const k of m[1]!.split(/\s*(?:,|og|til|-|–)\s*/)) {
      const key = k.replace(/\)$/, '').toLowerCase();
      const label = labels.has(key) ? key : labels.has(`Del ${key}`) ? `Del ${key}` : null;
      if (label && !out.includes(label)) out.push(label);
    }
  }
  return out;
}
