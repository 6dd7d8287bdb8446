/**
 * Assignment headers in the layouts the letters use. Each reader returns where the header ends, its
 * IDs and departments, and the first piece of the title (continued by title.ts).
 *
 * - tab:     `TB2024-01⇥Avd.HOD: FHA⇥Gjøre regelverket om ammefri bedre kjent` (HTML/DOCX table row),
 *            also with a bare department cell `TB2026-3⇥FOA⇥Digitalt register …`
 * - inline:  `ID: TB2022-01 Eieravdeling HOD: FHA Gjennomgang av forskrifter innen`,
 *            `TB2025-4 Avd. HOD:` + `KTA/SHA/ FHA` + title on its own line (wrapped PDF table cells)
 * - stacked: `TB2024-38` + `Avd.HOD: KTA` + `**Oppfølging av …**` (one cell per line);
 *            `ID: TB2019-` + `7/TTB2019-38` + `Eieravdeling HOD: FHA Fallulykker i hjemmet` (ID cut)
 * - paren:   `Oppdrag TB2026-01 (ansvarlig avdeling: FRA)` + title on the next line
 * - bare:    `TTB2022-2 Fastlegers arbeid med attester og erklæringer` — supplementary letters, whose
 *            department follows the body (`Ansvarlig avdeling i HOD: SHA`)
 * - exempt:  `TB2027-14 (unntatt offentlighet)`, `TB2027-15 – U.off., jf. offl. § 13`,
 *            `Oppdrag TB2027-16: Unntatt offentlighet` — listed only by ID because the content is exempt
 */
import type { ReferenceRelation } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import {
  afterDeptLabel,
  afterMinistry,
  codesOnlyLine,
  DEPT_LABEL_SRC,
  deptLine,
  readCodes,
} from './departments.js';
import { exemptOnly } from './confidential.js';
import { completeOpenId, DEFAULT_ID_SCHEME, type IdCell, type IdScheme, readIdCell } from './ids.js';
import { RESTATED_START, readRestated } from './restated.js';
import {
  CARRIED_HEADING_RE,
  endsSentence,
  headingLike,
  isNoise,
  NEW_HEADING_RE,
  nextContent,
  plain,
  prevContent,
  BARE_LABEL_RE,
  sectionMode,
} from './scan.js';

export type HeaderLayout = 'tab' | 'inline' | 'stacked' | 'paren' | 'bare' | 'restated' | 'exempt';

export interface Header {
  layout: HeaderLayout;
  /** Index (into lines) of the header's first and last line. */
  start: number;
  end: number;
  ids: string[];
  placeholder: string | null;
  /** Codes printed in the header; empty for the bare layout (its department follows the body). */
  departments: string[];
  /** The header carried a department slot (possibly empty). */
  hasDeptSlot: boolean;
  /** First piece of the title, '' when the title starts on the next content line. */
  title: string;
  /** The title sits in its own table cell and never wraps onto following lines. */
  titleInCell: boolean;
  /** A header restating an earlier assignment ("Presisering av oppdrag TB2026-02 …"); see restated.ts. */
  restated?: { relation: ReferenceRelation; withdrawn: boolean };
  /** Listed only by ID because its content is exempt ("TB2027-14 (unntatt offentlighet)"). */
  exempt?: boolean;
}

const PAREN_RE = new RegExp(
  `^[Oo]ppdrag\\s+(.+?)\\s*\\(\\s*(${DEPT_LABEL_SRC})\\s*:?\\s*([^)]*)\\)\\s*(.*)$`,
  'u',
);

const URL_LINE_RE = /^(?:https?:\/\/|www\.)\S+$/i;

/** Read a header starting at `i`, or null. */
export function readHeader(
  lines: readonly Line[],
  i: number,
  scheme: IdScheme = DEFAULT_ID_SCHEME,
): Header | null {
  const line = lines[i]!;
  const text = line.text;
  if (text === '') return null;
  const exempt = readExempt(plain(line), i, scheme);
  if (exempt) return exempt;
  if (text.startsWith('Oppdrag')) return readParen(lines, i, scheme) ?? restatedHeader(lines, i, scheme);
  if (RESTATED_START.includes(text[0] ?? '')) {
    const r = restatedHeader(lines, i, scheme);
    if (r) return r;
  }
  if (text.includes('\t')) {
    const tab = readTab(text, i, scheme);
    if (tab) return tab;
  }
  const cell = readIdCell(plain(line), scheme);
  if (!cell) return null;
  if (cell.rest === '') return readStacked(lines, i, cell, scheme);
  const after = afterDeptLabel(cell.rest);
  if (after !== null) return withDept(lines, i, i, cell, after, 'inline');
  if (cell.ids.length > 0 && !cell.labelled) return readBare(lines, i, cell);
  return null;
}

const EXEMPT_HINT_RE = /unntatt|u\.\s?off|offl|offentlig|begrenset|fortrolig|hemmelig/iu;

/** One or more IDs followed by nothing but a confidentiality marking. */
function readExempt(text: string, i: number, scheme: IdScheme): Header | null {
  if (text.length > 200 || !/\d/.test(text.slice(0, 24)) || !EXEMPT_HINT_RE.test(text)) return null;
  const cell = readIdCell(text.replace(/^Oppdrag(?:et)?\s+/u, ''), scheme);
  if (!cell || cell.ids.length === 0 || !exemptOnly(cell.rest.replace(/^:\s*/u, ''))) return null;
  return {
    layout: 'exempt',
    start: i,
    end: i,
    ids: cell.ids,
    placeholder: null,
    departments: [],
    hasDeptSlot: false,
    title: '',
    titleInCell: true,
    exempt: true,
  };
}

function readTab(text: string, i: number, scheme: IdScheme): Header | null {
  const cells = text.split('\t').map((c) => c.trim());
  const cell = readIdCell(cells[0] ?? '', scheme);
  if (cell?.rest !== '' || (cell.ids.length === 0 && !cell.placeholder)) return null;
  const rest = cells.slice(1).filter((c) => c !== '');
  // The department cell is labelled ("Avd. HOD: FHA"), or bare ("FHA") under a column "Avdeling".
  const bare = rest.length >= 2 ? codesOnlyLine(rest[0]!) : null;
  const dept = rest.length > 0 ? (afterDeptLabel(rest[0]!) ?? (bare ? rest[0]! : null)) : null;
  const departments = dept !== null ? readCodes(dept).codes : [];
  const title = (dept !== null ? rest.slice(1) : rest).join(' ').trim();
  if (dept === null && title === '') return null;
  return {
    layout: 'tab',
    start: i,
    end: i,
    ids: cell.ids,
    placeholder: cell.placeholder,
    departments,
    hasDeptSlot: dept !== null,
    title,
    titleInCell: title !== '',
  };
}

function restatedHeader(lines: readonly Line[], i: number, scheme: IdScheme): Header | null {
  const r = readRestated(lines, i, scheme);
  if (!r) return null;
  return {
    layout: 'restated',
    start: i,
    end: i,
    ids: r.ids,
    placeholder: null,
    departments: [],
    hasDeptSlot: false,
    title: r.title,
    // A withdrawal names no title, or names it on the header line: the next line is the body.
    titleInCell: r.withdrawn,
    restated: { relation: r.relation, withdrawn: r.withdrawn },
  };
}

function readParen(lines: readonly Line[], i: number, scheme: IdScheme): Header | null {
  const m = PAREN_RE.exec(plain(lines[i]!));
  if (!m) return null;
  const cell = readIdCell(m[1]!, scheme);
  if (cell?.rest !== '' || cell.ids.length === 0) return null;
  return {
    layout: 'paren',
    start: i,
    end: i,
    ids: cell.ids,
    placeholder: null,
    departments: readCodes(m[3]!).codes,
    hasDeptSlot: true,
    title: m[4]!.trim(),
    titleInCell: false,
  };
}

/**
 * The ID alone on its line (or cut at its hyphen); the department label must follow within a few
 * content lines, else this is not a header.
 */
function readStacked(lines: readonly Line[], i: number, first: IdCell, scheme: IdScheme): Header | null {
  let cell = first;
  let j = nextContent(lines, i + 1, 4);
  if (j < 0) return null;
  if (cell.ids.length === 0 && cell.placeholder && /[-–]$/.test(cell.placeholder)) {
    const done = completeOpenId(cell.placeholder, plain(lines[j]!), scheme);
    if (done) {
      cell = { ...done, labelled: first.labelled };
      if (done.rest !== '') {
        const after = afterDeptLabel(done.rest);
        if (after !== null) return withDept(lines, i, j, cell, after, 'stacked');
        return null;
      }
      j = nextContent(lines, j + 1, 4);
      if (j < 0) return null;
    }
  }
  if (cell.ids.length === 0 && !cell.placeholder) return null;
  const after = afterDeptLabel(plain(lines[j]!));
  if (after === null) return null;
  return withDept(lines, i, j, cell, after, 'stacked');
}

/** Departments on line `j` (after the label), continued on following lines when the cell wrapped. */
function withDept(
  lines: readonly Line[],
  start: number,
  j: number,
  cell: IdCell,
  afterLabel: string,
  layout: HeaderLayout,
): Header {
  const slot = readCodes(afterLabel);
  const departments = [...slot.codes];
  let end = j;
  let title = slot.rest;
  if (departments.length === 0 && title === '') {
    // The label or its codes wrapped: "Eieravdeling" + "HOD: KTA Rådgivende …", "Avd. HOD:" + "KTA Vurdering …".
    const k = nextContent(lines, end + 1, 3);
    if (k >= 0) {
      const t = plain(lines[k]!);
      const rest = afterMinistry(t);
      const more = readCodes(rest);
      if (more.codes.length > 0 && (rest !== t || more.rest === '' || /^[\p{Lu}«"]/u.test(more.rest))) {
        departments.push(...more.codes);
        title = more.rest;
        end = k;
      }
    }
  }
  if (title === '' || slot.open) {
    // "Avd. HOD:" + "KTA/SHA/ FHA", "Avd. HOD: DIG" + "og KTA", "Avd. HOD: KTA," + "SHA, FHA, DIG".
    for (let tries = 0; tries < 3; tries++) {
      const k = nextContent(lines, end + 1, 3);
      if (k < 0) break;
      const more = codesOnlyLine(plain(lines[k]!));
      if (!more) break;
      departments.push(...more);
      end = k;
    }
  }
  if (/^[/,]\s*$/.test(title)) title = '';
  return {
    layout,
    start,
    end,
    ids: cell.ids,
    placeholder: cell.placeholder,
    departments: [...new Set(departments)],
    hasDeptSlot: true,
    title,
    titleInCell: false,
  };
}

/**
 * `TTB2022-2 Fastlegers arbeid …` opening a line: only a header when the line starts a block (after a
 * blank line, a page break, a finished sentence, a department line or a group heading) and a title
 * follows, not `: …` or lower-case running text (`TB2022 –21: Oppfølging av …` continues a sentence).
 */
function readBare(lines: readonly Line[], i: number, cell: IdCell): Header | null {
  const rest = cell.rest;
  if (!/^[\p{Lu}«"“]/u.test(rest)) return null;
  const p = prevContent(lines, i, 6);
  if (p >= 0 && !lines[i]!.pageStart) {
    const adjacent = p === i - 1 && !isNoise(lines[i - 1]!);
    const prev = plain(lines[p]!);
    // A footnote's bare address ("https://www.stortinget.no/…/inns-202122-255s/") ends its note; it
    // never runs on into the next line, so a header may follow it directly, page start or not.
    const separated =
      !adjacent ||
      deptLine(prev) !== null ||
      headingLike(prev) ||
      URL_LINE_RE.test(prev) ||
      sectionMode(prev) !== null ||
      BARE_LABEL_RE.test(prev);
    if (!separated) return null;
    // "… har i oppdrag, jf." + "TTB2024-58 Styringsdata …": a reference continuing the sentence. A group
    // heading that ends in the same word ("Nye oppdrag" + "TTB2026-1 Skredvarsling …") opens a list.
    if (
      /(?:^|\s)(?:jf|jfr|se|ref|nr|kap|pkt|bl\.a|f\.eks|oppdrag|ID)\.?:?$/i.test(prev) &&
      !NEW_HEADING_RE.test(prev) &&
      !CARRIED_HEADING_RE.test(prev) &&
      sectionMode(prev) === null &&
      !BARE_LABEL_RE.test(prev)
    )
      return null;
    if (!endsSentence(prev) && deptLine(prev) === null && !headingLike(prev) && !/[:;]$/.test(prev)) {
      // After a blank line in double-spaced text a wrapped sentence can start with an ID; a header
      // never follows a line that stops mid-sentence on a lower-case word.
      if (/\p{Ll}$/u.test(prev) && prev.length > 60) return null;
    }
  }
  return {
    layout: 'bare',
    start: i,
    end: i,
    ids: cell.ids,
    placeholder: null,
    departments: [],
    hasDeptSlot: false,
    title: rest,
    titleInCell: false,
  };
}
