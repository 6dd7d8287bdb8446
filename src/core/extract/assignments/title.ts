/**
 * Where a wrapped title ends and the body begins. PDF exports wrap the title cell over several lines
 * (`TB2025-3 Avd. HOD: FHA Nasjonalt program for rusforebyggende arbeid blant` + `barn og unge`), and
 * in double-spaced text a blank line follows every line, so blank lines do not separate title from body.
 *
 * A following line continues the title when
 * 1. it starts in lower case or with a digit or bracket (`barn og unge`, `(NNR) 2022`, `2021–2024`), or
 * 2. the title so far ends on a word or sign that cannot end a title (`… forebyggings- og`, `… mot`,
 *    `… statsforvalterne –`), or
 * 3. in single-spaced text, the title cell wrapped without a blank line in between and the line is short
 *    (a narrow cell: `Oppfølging av handlingsplanen` + `Trygghet, mangfold og åpenhet,` …), the block
 *    ending at a blank line.
 * It never continues with a list item, a deadline or status line, a department or a new header. Body
 * text that starts with a capital after a title that ends on a full word is the body.
 */
import type { Line } from '../../text/lines.js';
import { deptLine } from './departments.js';
import { DEFAULT_ID_SCHEME, type IdScheme, readIdCell } from './ids.js';
import {
  BODY_OPENER_RE,
  endsWithConnector,
  isNoise,
  LIST_MARKER_RE,
  nextContent,
  numberedHeading,
  plain,
} from './scan.js';

const MAX_TITLE_LINES = 8;
/** Cells of a narrow title column; body lines of the same letters run much longer. */
const NARROW_CELL = 60;

export interface TitleResult {
  title: string;
  /** Index of the last line the title used (the header's last line when the title did not wrap). */
  end: number;
}

export function readTitle(
  lines: readonly Line[],
  headerEnd: number,
  first: string,
  inCell: boolean,
  scheme: IdScheme = DEFAULT_ID_SCHEME,
): TitleResult {
  let title = cleanPiece(first);
  let end = headerEnd;
  if (title === '') {
    const j = nextContent(lines, headerEnd + 1, 4);
    if (j < 0) return { title, end };
    const t = plain(lines[j]!);
    if (startsBody(t, scheme)) return { title, end };
    title = cleanPiece(t);
    end = j;
  }
  let block = true;
  for (let n = 0; n < MAX_TITLE_LINES; n++) {
    const j = nextContent(lines, end + 1, 3);
    if (j < 0) break;
    const adjacent = j === end + 1 || lines[j]!.no === lines[end]!.no;
    const t = plain(lines[j]!);
    // "Meld. St. 24 (2019" + "– 2020) Lindrende …": an open bracket always continues.
    const open = (title.match(/\(/g)?.length ?? 0) > (title.match(/\)/g)?.length ?? 0);
    if (!open && startsBody(t, scheme)) break;
    if (open && (readIdCell(t, scheme) !== null || deptLine(t) !== null)) break;
    const lower = /^[\p{Ll}\d(«"“]/u.test(t) && !/^\d{1,2}[.)]\s/.test(t);
    const connector = endsWithConnector(title);
    const narrow =
      !inCell &&
      block &&
      adjacent &&
      t.length <= NARROW_CELL &&
      !/[.:]$/.test(title) &&
      !/\p{L}{2}[.!?]\s+\p{Lu}/u.test(t) &&
      blockEndsAtBlank(lines, j);
    if (!(lower || connector || narrow || open)) break;
    if (!adjacent) block = false;
    title = joinPiece(title, t);
    end = j;
  }
  return { title, end };
}

function startsBody(t: string, scheme: IdScheme): boolean {
  return (
    LIST_MARKER_RE.test(t) ||
    BODY_OPENER_RE.test(t) ||
    deptLine(t) !== null ||
    numberedHeading(t) ||
    readIdCell(t, scheme) !== null
  );
}

/** The wrapped title block of a narrow cell is followed by a blank line (or the end). */
function blockEndsAtBlank(lines: readonly Line[], j: number): boolean {
  for (let k = j + 1; k < lines.length && k <= j + MAX_TITLE_LINES; k++) {
    const l = lines[k]!;
    if (isNoise(l)) return true;
    if (plain(l).length > NARROW_CELL) return false;
  }
  return true;
}

function cleanPiece(s: string): string {
  const spaced = s.replace(/\s+/g, ' ').trim();
  // Markdown emphasis around a title cell: "**Oppfølging av …**".
  if (!spaced.includes('*') && !spaced.includes('_')) return spaced;
  return spaced
    .replace(/^[*_\s]+/, '')
    .replace(/[*_\s]+$/, '')
    .trim();
}

/** "e-" + "sigaretter" → "e-sigaretter"; "forebyggings- og" + "behandlingsreformen" keeps its space. */
function joinPiece(a: string, b: string): string {
  return joinClean(a, cleanPiece(b));
}

/** Join two already clean pieces; only the last two characters of `a` are looked at. */
export function joinClean(a: string, piece: string): string {
  if (/\p{L}-/u.test(a.slice(-2)) && /^\p{Ll}/u.test(piece) && !/^(?:og|eller)\b/.test(piece))
    return a + piece;
  return `${a} ${piece}`;
}
