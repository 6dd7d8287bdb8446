/**
 * Markdown reader: a letter as PDF converters (and people) write it in Markdown, turned into the raw
 * lines the text reader would give for the same letter. One output line per source line, so line
 * numbers in records and warnings point into the .md file:
 * - ATX headings lose their `#`s, block quotes their `>`, bullets become "• item";
 * - a pipe table row becomes one tab-separated line; the delimiter row (`|---|---|`) carries the header
 *   row, whose own line turns blank, so header and first data row stay adjacent as in the text;
 * - an HTML table block (`<table>…</table>`) is read by the HTML walker, a row per `<tr>` line;
 * - emphasis, inline code, links and escapes are unwrapped; images, HTML comments, reference
 *   definitions, rules and page markers left by converters become blank lines.
 * A page marker makes the next content line a page start (one leading space, or a form feed before a
 * row that starts with an empty cell), the text model's convention.
 */
import { htmlToLines } from './html-lines.js';
import type { ReadLines } from './read-document.js';
import { decodeTextWithNotes } from './text.js';

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_RE = /^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const RULE_RE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,})$/;
const BULLET_RE = /^[-*+][ \t]+/;
const REF_DEF_RE = /^ {0,3}\[[^\]]+\]:\s+\S+/;
const DELIMITER_CELL_RE = /^:?-{1,}:?$/;
/**
 * Page markers converters leave: `<!-- PageBreak -->`, `<!-- page 3 -->`, marker's `{3}-----`,
 * `[[page 3]]`, `--- Side 3 ---`, `\f`. Running headers/footers in comments are dropped with the comment.
 */
const PAGE_MARKER_RE =
  /^(?:<!--\s*(?:page\s*break|pagebreak|page[\s:=_-]*\d+|side\s*\d+|new\s*page)[^>]*-->|\{\d+\}-{3,}|\[\[?\s*(?:page|side)\s*\d+\s*\]?\]|-{2,}\s*(?:page|side)\s*\d+\s*-{2,}|\f)$/i;

const INLINE_PAGE_MARKER_RE =
  /^\s*<!--\s*(?:page\s*break|pagebreak|page[\s:=_-]*\d+|side\s*\d+)[^>]*-->[ \t]*(?=\S)/i;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Characters a backslash may escape (CommonMark); they are restored after inline markup is removed. */
const ESCAPABLE = /\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g;
const ESC_BASE = 0xe000;

/**
 * Inline Markdown → plain text. Every pattern stops at the next delimiter of its kind, so a line full
 * of unclosed `[`, `(` or `__` costs linear time. Escaped characters are parked in the private-use area while emphasis is
 * removed, so `\*` stays a star and `1\.` stays "1.".
 */
export function inlineText(text: string): string {
  let out = text.replace(ESCAPABLE, (_, ch: string) => String.fromCharCode(ESC_BASE + ch.charCodeAt(0)));
  out = out
    .replace(/<!--.*?-->/g, '')
    .replace(/!\[[^[\]]*\](?:\([^()]*\)|\[[^[\]]*\])/g, '')
    .replace(/\[([^[\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+|mailto:[^>\s]+)>/gi, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:b|i|em|strong|u|s|del|ins|span|sup|sub|mark|small|font)\b[^>]*>/gi, '')
    .replace(/`+([^`]*?)`+/g, '$1')
    .replace(/\*\*(?=\S)(.+?)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\d_])__(?=\S)((?:[^_]|_(?!_))+?)__(?![\p{L}\d])/gu, '$1$2')
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/(^|[\s(])_([^_\s][^_]*?)_(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/~~(?=\S)(.+?)~~/g, '$1')
    .replace(/[ \t]+\\$/, '');
  out = decodeEntities(out);
  return out.replace(/[\ue000-\ue07f]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - ESC_BASE));
}

/** Cells of a pipe-table row; `\|` is a pipe inside a cell. */
function splitRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function isTableRow(line: string): boolean {
  const t = line.trim();
  return t.length >= 2 && t.startsWith('|') && (t.endsWith('|') || splitRow(t).length >= 2);
}

function isDelimiterRow(line: string): boolean {
  if (!line.includes('-') || !/^\s*\|?[\s:|-]+\|?\s*$/.test(line)) return false;
  const cells = splitRow(line).map((c) => c.trim());
  return cells.length >= 1 && cells.every((c) => DELIMITER_CELL_RE.test(c)) && /\||-{3}/.test(line);
}

/**
 * A row as the text reader gives it: cells joined by tabs, line breaks and emphasis inside a cell
 * unwrapped. A row of empty cells (converters write one when the source table had no header) is blank.
 */
export function rowLine(line: string): string {
  const cells = splitRow(line).map((c) => inlineText(c).replace(/\s+/g, ' ').trim());
  return cells.every((c) => c === '') ? '' : cells.join('\t');
}

function proseLine(line: string): string {
  if (RULE_RE.test(line)) return '';
  const heading = ATX_RE.exec(line);
  let text = heading ? heading[1]! : line.trim();
  if (!heading) {
    while (text.startsWith('>')) text = text.slice(1).trimStart();
    if (BULLET_RE.test(text)) text = `• ${text.replace(BULLET_RE, '')}`;
  }
  return inlineText(text).trim();
}

const TABLE_OPEN_RE = /^\s*<table\b/i;
const TABLE_CLOSE_RE = /<\/table\s*>/i;
const ROW_OPEN_RE = /<tr\b/gi;
/** An HTML table this many lines long without its end tag is not a table block. */
const MAX_TABLE_LINES = 5000;

/**
 * An HTML table inside Markdown (converters write one where a pipe table cannot hold the cells):
 * its rows through the HTML walker, each on the line where its `<tr>` starts so line numbers stay
 * those of the file. A table written on fewer lines than it has rows puts the extra rows after it.
 */
function htmlTableRows(
  source: readonly string[],
  from: number,
  closeAt: readonly number[],
): { lines: string[]; last: number } | null {
  const last = closeAt[from] ?? -1;
  if (last < 0 || last - from >= MAX_TABLE_LINES) return null;
  const block = source.slice(from, last + 1);
  const rows = htmlToLines(block.join('\n'), { whitespace: 'html' });
  const lines = block.map(() => '');
  const starts: number[] = [];
  block.forEach((l, k) => {
    for (const _ of l.matchAll(ROW_OPEN_RE)) starts.push(k);
  });
  if (starts.length === rows.length && new Set(starts).size === starts.length)
    rows.forEach((row, k) => (lines[starts[k]!] = row));
  else rows.forEach((row, k) => (k < lines.length ? (lines[k] = row) : lines.push(row)));
  return { lines, last };
}

export function markdownToLines(markdown: string): ReadLines {
  const source = markdown.split(/\r\n|\n|\r/);
  if (source.length > 1 && source[source.length - 1] === '') source.pop();
  const lines: string[] = [];
  const pages: number[] = [];
  let page = 1;
  let sawPageMarker = false;
  let pageStartPending = false;
  let fence: string | null = null;
  let inComment = false;
  // Where the next `</table>` is, from each line (one pass from the end: no rescans per `<table>`).
  const closeAt: number[] = new Array<number>(source.length);
  let nextClose = -1;
  for (let k = source.length - 1; k >= 0; k--) {
    if (TABLE_CLOSE_RE.test(source[k]!)) nextClose = k;
    closeAt[k] = nextClose;
  }
  /** Rows of the pipe table being read (0 outside a table). */
  let tableRows = 0;

  const push = (text: string): void => {
    if (pageStartPending && text !== '') {
      lines.push(text.startsWith('\t') ? `\f${text}` : ` ${text}`);
      pageStartPending = false;
    } else lines.push(text);
    pages.push(page);
  };
  const pageBreak = (): void => {
    page++;
    sawPageMarker = true;
    pageStartPending = true;
  };

  for (let i = 0; i < source.length; i++) {
    let line = source[i]!;
    // A page marker in front of a line's text: the page breaks inside a paragraph or table.
    const inlineMarker = fence === null && !inComment ? INLINE_PAGE_MARKER_RE.exec(line) : null;
    if (inlineMarker) {
      pageBreak();
      line = line.slice(inlineMarker[0].length);
    }
    const trimmed = line.trim();
    if (fence !== null) {
      if (trimmed.startsWith(fence)) {
        fence = null;
        push('');
      } else push(line.replace(/^\s+/, ''));
      continue;
    }
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      push('');
      continue;
    }
    const htmlTable = TABLE_OPEN_RE.test(line) ? htmlTableRows(source, i, closeAt) : null;
    if (htmlTable) {
      for (const row of htmlTable.lines) push(row);
      i = htmlTable.last;
      tableRows = 0;
      continue;
    }
    const fenceOpen = FENCE_RE.exec(line);
    if (fenceOpen) {
      fence = fenceOpen[1]!;
      push('');
      continue;
    }
    if (PAGE_MARKER_RE.test(trimmed)) {
      push('');
      pageBreak();
      continue;
    }
    if (trimmed.startsWith('<!--') && !trimmed.includes('-->')) {
      inComment = true;
      push('');
      continue;
    }
    if (trimmed === '' || REF_DEF_RE.test(line)) {
      tableRows = 0;
      push('');
      continue;
    }
    const next = source[i + 1];
    if (isDelimiterRow(line) && (tableRows > 0 || isTableRow(line))) {
      // The header row moves onto the delimiter's line: no blank line between header and data. In a
      // table continued after a page marker, the row above the delimiter is a data row: it moves too.
      if (tableRows > 0) {
        const header = lines.pop() ?? '';
        const headerPage = pages.pop() ?? page;
        lines.push('', header);
        pages.push(headerPage, headerPage);
      } else push('');
      continue;
    }
    if (
      isTableRow(line) ||
      (tableRows > 0 && line.includes('|')) ||
      (line.includes('|') &&
        next !== undefined &&
        isDelimiterRow(next) &&
        splitRow(next).length === splitRow(line).length)
    ) {
      tableRows++;
      push(rowLine(line));
      continue;
    }
    tableRows = 0;
    // A setext underline ("Overskrift" over "====" or "----") is layout; the heading text stays.
    push(proseLine(line));
  }
  return sawPageMarker ? { lines, pages } : { lines };
}

export async function readMarkdown(bytes: Uint8Array, name: string): Promise<ReadLines> {
  const { text, warnings } = decodeTextWithNotes(bytes, name);
  return { ...markdownToLines(text), warnings };
}

const ATX_SIGNAL_RE = /^#{1,6} \S/;
/**
 * Whether text read from a .txt (or nameless) file is Markdown: a pipe table's delimiter row, or several
 * ATX headings. Plain letters have neither, so their reading never changes.
 */
export function looksLikeMarkdown(text: string): boolean {
  let headings = 0;
  let previousRow = false;
  for (const line of text.split(/\r\n|\n|\r/, 20_000)) {
    if (previousRow && isDelimiterRow(line)) return true;
    previousRow = isTableRow(line);
    if (ATX_SIGNAL_RE.test(line) && ++headings >= 3) return true;
  }
  return false;
}
