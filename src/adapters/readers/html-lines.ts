/**
 * Walk HTML (a web page, or the HTML mammoth makes of a DOCX) into raw lines of the text model:
 * one line per block (paragraph, heading, list item, `<br>`), one tab-separated line per table row,
 * list items prefixed the way printed letters show them ("• item", "1. item", "a) item").
 */
import { Parser } from 'htmlparser2';
import { ReadError } from './errors.js';

/** Limits on the element tree, checked while parsing (see limits.ts). */
export interface HtmlGuard {
  /** File name for messages. */
  name: string;
  maxDepth: number;
  maxElements: number;
  /** Called every few thousand elements and between chunks of input; throws when time is up. */
  check?: () => void;
}

export interface HtmlLineOptions {
  guard?: HtmlGuard;
  /**
   * 'html': whitespace in text is layout only and collapses (a web page's source is wrapped at random).
   * 'docx': whitespace is the author's; tabs stay as tabs (a Word paragraph "Kap.⇥Post⇥Navn").
   */
  whitespace: 'html' | 'docx';
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'caption',
  'address',
  'hr',
  'table',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
  'body',
]);
/**
 * Content that is never document text: code, the head, and web-page chrome (regjeringen.no's menus,
 * "Del"/"Skriv ut" buttons, embedded frames).
 */
const HIDDEN_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'svg',
  'math',
  'object',
  'nav',
  'button',
  'select',
  'iframe',
  'canvas',
]);

function isHidden(name: string, attribs: Record<string, string>): boolean {
  // mammoth ends each DOCX footnote with a "↑" link back to its reference: navigation, not text.
  if (name === 'a' && /^#(?:footnote|endnote)-ref-/.test(attribs.href ?? '')) return true;
  if (HIDDEN_TAGS.has(name) || attribs.hidden !== undefined || attribs['aria-hidden'] === 'true') return true;
  return /display\s*:\s*none/i.test(attribs.style ?? '');
}

interface ListFrame {
  ordered: boolean;
  /** `type` attribute of an `<ol>` ("a", "A", "i", "I", "1"), or '' for the default by depth. */
  type: string;
  next: number;
}

interface RowFrame {
  cells: string[];
  /** Text of the open cell, or null between cells. */
  cell: string | null;
  /** Columns the open cell spans. */
  span: number;
}

const ROMAN: readonly [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number): string {
  // Beyond 3999 Roman numerals are not written; a hostile `start="1e15"` would otherwise loop for hours.
  if (!(n >= 1 && n <= 3999)) return String(n);
  let out = '';
  let rest = n;
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  if (!(n >= 1 && n <= 1e6)) return String(n);
  let out = '';
  let rest = n;
  while (rest > 0) {
    rest -= 1;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/**
 * Marker of an ordered item. Without a `type`, nesting picks the style Norwegian letters use for
 * multi-level lists: "1." then "a)" then "i.".
 */
export function orderedMarker(n: number, type: string, depth: number): string {
  const style = type !== '' ? type : depth <= 1 ? '1' : depth === 2 ? 'a' : 'i';
  switch (style) {
    case 'a':
      return `${letters(n)})`;
    case 'A':
      return `${letters(n).toUpperCase()})`;
    case 'i':
      return `${roman(n)}.`;
    case 'I':
      return `${roman(n).toUpperCase()}.`;
    default:
      return `${n}.`;
  }
}

/**
 * Strip leading and trailing spaces (not tabs). A regex `/ +$/` is quadratic on a long run of spaces
 * inside the text (each start position scans the run again), which `<pre>` content can hold.
 */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(start, end);
}

function parseIntAttr(value: string | undefined, fallback: number): number {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}

export function htmlToLines(html: string, options: HtmlLineOptions): string[] {
  const lines: string[] = [];
  const lists: ListFrame[] = [];
  const rows: RowFrame[] = [];
  let current = '';
  /** Element depth, and the depth of the hidden element being skipped (htmlparser2 closes every tag it opens). */
  let depth = 0;
  let hiddenAt: number | null = null;
  let pre = 0;
  let tableDepth = 0;
  let pending: string | null = null;
  /** Lines pushed when the innermost open `<p>` started; an unchanged count at `</p>` means it was empty. */
  const paragraphStarts: number[] = [];

  /** The outer table's row: a nested table's text is flattened into the outer cell. */
  const row = (): RowFrame | undefined => (tableDepth >= 1 ? rows[rows.length - 1] : undefined);
  const clean = (text: string): string =>
    options.whitespace === 'html' ? text.replace(/[ \t\n\r\f]+/g, ' ') : text.replace(/[\n\r\f]+/g, ' ');

  const flush = (keepEmpty: boolean): void => {
    const text = trimSpaces(current);
    current = '';
    if (text === '' && !keepEmpty) return;
    lines.push(pending !== null ? `${pending} ${text}`.trimEnd() : text);
    pending = null;
  };

  /** Inside a table cell every block boundary is just a space: the row stays one line. */
  const blockBoundary = (): void => {
    const r = row();
    if (r && r.cell !== null) {
      if (r.cell !== '' && !r.cell.endsWith(' ')) r.cell += ' ';
      return;
    }
    if (tableDepth === 0) flush(false);
  };

  const closeCell = (r: RowFrame): void => {
    if (r.cell === null) return;
    // A tab typed inside a Word table cell is not a column of the row.
    r.cells.push(r.cell.replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim());
    // A merged cell spans the columns after it: keep them as empty cells so columns stay aligned.
    for (let i = 1; i < r.span; i++) r.cells.push('');
    r.cell = null;
  };
  const pushRows = (): void => {
    for (const r of rows) {
      closeCell(r);
      // A row of empty cells (converters write one for a table without header) holds nothing to read.
      if (r.cells.some((c) => c !== '')) lines.push(r.cells.join('\t'));
    }
    rows.length = 0;
  };

  const guard = options.guard;
  let elements = 0;
  const admit = (g: HtmlGuard): void => {
    elements++;
    if (depth > g.maxDepth)
      throw new ReadError(
        'html_too_deep',
        `${g.name}: HTML-en er nestet dypere enn grensen på ${g.maxDepth} nivåer (STYR_MAX_HTML_DEPTH). Filen er trolig skadet eller maskinlaget; lagre siden på nytt eller som PDF.`,
      );
    if (elements > g.maxElements)
      throw new ReadError(
        'html_too_many_elements',
        `${g.name}: HTML-en har flere enn ${g.maxElements} elementer (STYR_MAX_HTML_ELEMENTS). Del dokumentet opp eller lagre det som PDF.`,
      );
    if ((elements & 4095) === 0) g.check?.();
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth++;
        if (guard) admit(guard);
        if (hiddenAt !== null) return;
        if (isHidden(name, attribs)) {
          hiddenAt = depth;
          return;
        }
        if (name === 'table') {
          if (tableDepth === 0) flush(false);
          else blockBoundary();
          tableDepth++;
          return;
        }
        if (tableDepth > 1 && (name === 'tr' || name === 'td' || name === 'th')) {
          blockBoundary();
          return;
        }
        if (tableDepth === 1 && name === 'tr') {
          rows.push({ cells: [], cell: null, span: 1 });
          return;
        }
        if (tableDepth === 1 && (name === 'td' || name === 'th')) {
          const r = rows[rows.length - 1] ?? { cells: [], cell: null, span: 1 };
          if (rows.length === 0) rows.push(r);
          closeCell(r);
          r.cell = '';
          r.span = Math.max(1, Math.min(parseIntAttr(attribs.colspan, 1), 50));
          return;
        }
        if (name === 'br') {
          const r = row();
          if (r && r.cell !== null) r.cell += ' ';
          else if (tableDepth === 0) flush(true);
          return;
        }
        if (name === 'pre') pre++;
        if (name === 'ul' || name === 'ol') {
          blockBoundary();
          lists.push({
            ordered: name === 'ol',
            type: name === 'ol' ? (attribs.type ?? '') : '',
            next: parseIntAttr(attribs.start, 1),
          });
          return;
        }
        if (name === 'li') {
          blockBoundary();
          const list = lists[lists.length - 1];
          if (tableDepth > 0) return;
          if (!list?.ordered) pending = '•';
          else {
            const n = parseIntAttr(attribs.value, list.next);
            list.next = n + 1;
            const depth = lists.filter((l) => l.ordered).length;
            pending = orderedMarker(n, list.type, depth);
          }
          return;
        }
        if (BLOCK_TAGS.has(name)) {
          blockBoundary();
          if (name === 'p' && tableDepth === 0) paragraphStarts.push(lines.length);
        }
      },
      onclosetag(name) {
        depth--;
        if (hiddenAt !== null) {
          if (depth < hiddenAt) hiddenAt = null;
          return;
        }
        if (name === 'table') {
          if (tableDepth > 0) tableDepth--;
          if (tableDepth === 0) {
            flush(false);
            pushRows();
          } else blockBoundary();
          return;
        }
        if (tableDepth === 1 && (name === 'td' || name === 'th')) {
          const r = rows[rows.length - 1];
          if (r) closeCell(r);
          return;
        }
        if (tableDepth === 1 && name === 'tr') return;
        if (name === 'pre' && pre > 0) pre--;
        if (name === 'li') {
          blockBoundary();
          pending = null;
          return;
        }
        if (name === 'ul' || name === 'ol') {
          lists.pop();
          blockBoundary();
          return;
        }
        if (name === 'p' && tableDepth === 0) {
          const start = paragraphStarts.pop();
          // An empty Word paragraph is how a blank line is typed; keep it as the text model's ''.
          const empty = start === lines.length && current.trim() === '' && pending === null;
          if (empty) lines.push('');
          else flush(false);
          return;
        }
        if (BLOCK_TAGS.has(name)) blockBoundary();
      },
      ontext(data) {
        if (hiddenAt !== null) return;
        const r = row();
        if (r) {
          if (r.cell !== null) r.cell += clean(data);
          return;
        }
        if (pre > 0) {
          const parts = data.split(/\r\n|\n|\r/);
          parts.forEach((part, i) => {
            if (i > 0) flush(true);
            current += part;
          });
          return;
        }
        const text = clean(data);
        current += current === '' ? text.replace(/^ +/, '') : text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  // Fed in chunks so the time budget is also checked in long runs of text between elements.
  const CHUNK = 1 << 20;
  for (let i = 0; i < html.length; i += CHUNK) {
    parser.write(html.slice(i, i + CHUNK));
    guard?.check?.();
  }
  parser.end();
  flush(false);
  pushRows();
  return lines;
}
