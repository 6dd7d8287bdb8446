/**
 * The notes to the appropriation report, keyed by a six-digit chapter-and-post code:
 *   "Note A Forklaring av samlet tildeling utgifter"
 *   "Kapittel og post⇥Overført fra i fjor⇥Årets tildelinger⇥Samlet tildeling"
 *   "070222⇥140 400 000⇥69 600 000⇥210 000 000"           (kap. 702 post 22)
 *   "Sum totalt⇥221 065 000⇥54 299 057 000⇥54 520122 000"
 * and the note on authorisations used, with a text column of budget flags and codes joined with income
 * chapters ("074001 / 374002 / 374004⇥⇥37 046 595⇥…", "070221⇥"kan overføres", "kan nyttes under post 70"⇥…")
 * whose sum row carries its label in the second cell ("⇥Sum⇥1 040 437 275⇥…").
 *
 * Checks: sum rows against the rows above; duplicate codes; and each row's "Samlet tildeling" against the
 * same chapter/post in the report itself (`reported`).
 */
import type { BudgetLine } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import { captionAbove, cellsOf, headerLabel, nextNonBlank, tabBlock } from '../annual-report/tab-table.js';
import { formatKroner } from './amounts.js';
import {
  amountCell,
  isTotalLabel,
  normaliseChapter,
  outcomeOf,
  type SumSink,
  warnMismatch,
} from './appropriation-cells.js';
import { flagsFromName } from './flags.js';
import type { Warn } from './resolve.js';

const CODE_RE = /^(\d{4})(\d{2})$/;
const CODES_RE = /^\d{6}(?:\s*\/\s*\d{6})*$/;

interface NoteLayout {
  columns: { label: string; index: number }[];
  /** Cell index of a text column ("Stikkord"), or -1. */
  text: number;
}

export function noteLayout(text: string): NoteLayout | null {
  const tab = text.indexOf('\t');
  if (tab < 0 || !/^kapittel og post$/iu.test(text.slice(0, tab).trim())) return null;
  const labels = cellsOf(text).map(headerLabel);
  const columns: NoteLayout['columns'] = [];
  let textIndex = -1;
  for (let k = 1; k < labels.length; k++) {
    const l = labels[k]!;
    if (/^(?:stikkord|merknad|kommentar|tekst)$/iu.test(l)) textIndex = k;
    else if (l !== '') columns.push({ label: l, index: k });
  }
  return columns.length > 0 ? { columns, text: textIndex } : null;
}

const NOTE_CAPTION_RE = /^(?:Note\s+[A-Z\d]{1,2}\b|Tabell\s*\d)/u;

/** A note table's caption printed above it, or else right below it ("Note B Forklaring til brukte fullmakter"). */
function captionOf(lines: readonly Line[], headerIndex: number, end: number, floor: number): string | null {
  const above = captionAbove(lines, headerIndex, floor);
  if (above && NOTE_CAPTION_RE.test(above)) return above;
  const j = nextNonBlank(lines, end, 4);
  const below = j >= 0 ? lines[j]!.text : '';
  if (NOTE_CAPTION_RE.test(below) && !below.includes('\t')) return below;
  return above;
}

const key = (chapter: string, post: string) => `${chapter}.${post}`;

export function readAppropriationNote(
  lines: readonly Line[],
  headerIndex: number,
  layout: NoteLayout,
  floor: number,
  reported: ReadonlyMap<string, BudgetLine>,
  warn: Warn,
  sums?: SumSink,
): { lines: BudgetLine[]; end: number } {
  const block = tabBlock(lines, headerIndex, (t) => noteLayout(t) !== null);
  const table = captionOf(lines, headerIndex, block.end, floor);
  const labels = layout.columns.map((c) => c.label);
  const out: BudgetLine[] = [];
  const seen = new Set<string>();
  let from = 0;
  for (const row of block.rows) {
    const amounts = layout.columns.map((c) => {
      const cell = row.cells[c.index] ?? '';
      const a = amountCell(cell, 1);
      if (a.unreadable)
        warn(
          'appropriation_amount_unreadable',
          `Kunne ikke lese beløpet «${cell}» i kolonnen «${c.label}».`,
          row.no,
        );
      return a.value;
    });
    const first = row.cells[0] ?? '';
    const label = first !== '' ? first : (row.cells[1] ?? '');
    if (isTotalLabel(label)) {
      const covered = out.slice(from);
      let checked = 0;
      let mismatched = 0;
      amounts.forEach((printed, k) => {
        if (printed === null || covered.length === 0) return;
        checked++;
        const computed = covered.reduce((acc, l) => acc + (l.amounts[k] ?? 0), 0);
        if (computed === printed) return;
        mismatched++;
        warnMismatch(warn, label, labels[k]!, printed, computed, row.no);
      });
      sums?.(row.no, outcomeOf(checked, mismatched));
      from = out.length;
      continue;
    }
    if (!CODES_RE.test(first)) {
      warn(
        'appropriation_row_unreadable',
        `Kunne ikke lese raden «${row.cells.join(' | ')}» i noten.`,
        row.no,
      );
      continue;
    }
    const codes = first.split('/').map((c) => CODE_RE.exec(c.trim())!);
    const [, rawChapter, post] = codes[0]!;
    const chapter = normaliseChapter(rawChapter!);
    const stikkord = layout.text >= 0 ? (row.cells[layout.text] ?? '').replace(/"/g, '') : '';
    const { flags, usableUnderPosts } = flagsFromName(stikkord);
    const linked = codes.slice(1).map((m) => `${normaliseChapter(m[1]!)}.${m[2]}`);
    const comment = [stikkord, linked.length > 0 ? `sammen med ${linked.join(', ')}` : '']
      .filter((s) => s !== '')
      .join('; ');
    const k = key(chapter, post!);
    if (seen.has(k))
      warn(
        'appropriation_duplicate_row',
        `Kap. ${chapter} post ${post} står flere ganger i «${table ?? 'noten'}».`,
        row.no,
      );
    seen.add(k);
    const line: BudgetLine = {
      chapter,
      post: post!,
      name: reported.get(k)?.name ?? '',
      columns: [...labels],
      amounts,
      flags,
      usableUnderPosts,
      comment: comment || null,
      earmarks: [],
      table,
      lines: [row.no, row.no],
    };
    crossCheck(line, reported.get(k), warn);
    out.push(line);
  }
  return { lines: out, end: block.end };
}

/** The note's "Samlet tildeling" must be the report's "Samlet tildeling" for the same chapter and post. */
function crossCheck(line: BudgetLine, reported: BudgetLine | undefined, warn: Warn): void {
  if (!reported) return;
  const k = line.columns.findIndex((c) => /^samlet tildeling$/iu.test(c));
  const r = reported.columns.findIndex((c) => /^samlet tildeling$/iu.test(c));
  const note = line.amounts[k];
  const report = reported.amounts[r];
  if (k < 0 || r < 0 || note == null || report == null || note === report) return;
  warn(
    'appropriation_note_mismatch',
    `Kap. ${line.chapter} post ${line.post}: «Samlet tildeling» er ${formatKroner(note)} i «${line.table ?? 'noten'}», men ${formatKroner(report)} i «${reported.table ?? 'bevilgningsrapporteringen'}».`,
    line.lines[0],
  );
}
