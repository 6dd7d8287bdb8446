/**
 * Budget stage: allocation tables → one BudgetLine per chapter/post row, amounts in whole kroner.
 *
 * Tables are found by their header row (see budget/tables.ts), read by layout (tab-separated or PDF
 * text), resolved into kroner with the table's unit, and cross-checked: printed sums against their rows,
 * earmarks in comments against their row. Small "Tidligere tildeling / Ny tildeling / Sum tildelt" tables
 * in supplementary letters are read by budget/changes.ts.
 */
import type { BudgetLine } from '../model/extraction.js';
import type { Line } from '../text/lines.js';
import { type MoneyPhrase, moneyPhrases } from './budget/amounts.js';
import { readAppropriationReport } from './budget/appropriation-report.js';
import { readChanges } from './budget/changes.js';
import {
  checkEarmarks,
  checkSumColumn,
  crossFoot,
  rowTotal,
  type SumRow,
  sumColumn,
} from './budget/checks.js';
import { joinComment } from './budget/comment.js';
import { readEarmarks } from './budget/earmarks.js';
import { flagsFromName } from './budget/flags.js';
import { type ProseComment, proseComments } from './budget/prose.js';
import { resolveAmounts } from './budget/resolve.js';
import type { ParsedTable, RawRow } from './budget/rows.js';
import { parseTabRows } from './budget/tab-rows.js';
import {
  describeAbove,
  headerAt,
  isChapterCaption,
  isHeading,
  mayOpenTable,
  type TableHeader,
  unitBelow,
} from './budget/tables.js';
import { parseTextRows } from './budget/text-rows.js';
import { isUnitCaption, type TableUnit, unitIn } from './budget/units.js';
import type { ExtractContext } from './context.js';

const HINT_WINDOW = 250;

/**
 * Amounts named in the prose after a table ("Helsedirektoratet tildeles 13,681 mill. kroner"), read only
 * when a row's amounts are ambiguous.
 */
function proseHints(lines: readonly Line[], from: number, rows: readonly RawRow[]): () => MoneyPhrase[] {
  let hints: MoneyPhrase[] | null = null;
  return () => {
    if (hints) return hints;
    const found: MoneyPhrase[] = [];
    for (let j = from; j < lines.length && j < from + HINT_WINDOW; j++)
      found.push(...moneyPhrases(lines[j]?.text ?? ''));
    for (const r of rows) for (const c of r.comment) found.push(...moneyPhrases(c));
    hints = found;
    return found;
  };
}

/**
 * Post names that end in a number run into the amounts: "Egenandelstak 1 3 848 200" then
 * "Egenandelstak 2 165 000". When the run cannot be read otherwise ("1 3 848 200"), or the row above was
 * named "… 1" and this run starts with "2", the leading token belongs to the name.
 */
function numberedName(row: RawRow, previousName: string): void {
  const run = (row.cells[0] ?? '').split(' ').filter((t) => t !== '');
  const first = run[0];
  if (run.length < 2 || first === undefined || !/^\d{1,2}$/.test(first) || /\bpost(?:ene)?$/iu.test(row.name))
    return;
  const prev = /\s(\d{1,2})$/.exec(previousName)?.[1];
  const follows = prev !== undefined && Number(first) === Number(prev) + 1;
  const rest = run.slice(1);
  const restReadable = /^\d{1,3}(?: \d{3})*$/.test(rest.join(' '));
  // "1 3 848 200" is no grouped number: a one-digit group cannot follow another group.
  const wholeReadable = !/^\d{1,3} \d{1,2}(?: |$)/.test(run.join(' '));
  if (restReadable && (follows || !wholeReadable)) {
    row.name = `${row.name} ${first}`.trim();
    row.cells = [rest.join(' ')];
  }
}

/** A table just read: where it ended, its caption and columns. */
interface ReadTable {
  lines: BudgetLine[];
  end: number;
  caption: string | null;
  columns: string[];
  unit: TableUnit;
}

/**
 * Is the header at `header` the next chapter block of the table just read? The 2014 layout prints one
 * section table as blocks per chapter, each with a chapter caption and the column header repeated:
 * "Kap. 2711 Spesialisthelsetjeneste mv." / "Kap Post  Betegnelse 2014" / rows / "Kap. 2751 Legemidler
 * mv." / "Kap Post  Betegnelse 2014" / rows. Nothing but that caption may stand between the blocks, the
 * columns must be the same, and the first block's caption must be a heading of its own (otherwise each
 * block is a table captioned by its chapter).
 */
function continuesTable(lines: readonly Line[], prev: ReadTable | null, header: TableHeader): boolean {
  if (!prev?.caption || isChapterCaption(prev.caption)) return false;
  if (prev.columns.join('|') !== header.columns.join('|')) return false;
  let captions = 0;
  for (let j = prev.end; j < header.firstIndex; j++) {
    const t = lines[j]?.text ?? '';
    if (t === '' || lines[j]?.footer) continue;
    if (!isChapterCaption(t) || ++captions > 1) return false;
  }
  return true;
}

function readTable(
  ctx: ExtractContext,
  header: TableHeader,
  floor: number,
  prev: ReadTable | null,
): ReadTable {
  const { lines } = ctx;
  const parsed: ParsedTable =
    header.layout === 'tab' ? parseTabRows(lines, header) : parseTextRows(lines, header);
  const described = describeAbove(lines, header, floor);
  const continued = continuesTable(lines, prev, header) ? prev : null;
  const caption = continued ? continued.caption : described.caption;
  const above = { unit: header.unit ?? described.unit, caption: header.caption ?? caption };
  const headerLine = lines[header.firstIndex]?.no ?? null;
  // A later chapter block of one table has the unit of its first block (one warning when it is unknown).
  let unit = above.unit ?? unitBelow(lines, parsed.end) ?? continued?.unit ?? null;
  if (!unit) {
    // Amounts with a decimal comma ("39,135 39,650") are millions; whole numbers are most often thousands.
    const decimals = parsed.rows.some((r) => r.cells.some((c) => /\d,\d/.test(c)));
    ctx.warn(
      'budget_unit_unknown',
      `Fant ikke enheten for budsjettabellen «${above.caption ?? lines[header.firstIndex]?.text ?? ''}»; antar ${decimals ? 'mill. kroner (desimalkomma)' : 'hele tusen kroner'}.`,
      headerLine,
    );
    unit = { factor: decimals ? 1_000_000 : 1000, phrase: null };
  }
  const result: ReadTable = {
    lines: [],
    end: parsed.end,
    caption: above.caption,
    columns: header.columns,
    unit,
  };
  if (parsed.rows.length === 0) {
    ctx.warn('budget_table_empty', 'Fant en budsjettabell uten lesbare rader.', headerLine);
    ctx.tally?.budgetTable(headerLine, 0);
    return result;
  }
  const hints = proseHints(lines, parsed.end, parsed.rows);
  // Without a comment column, the comments are the "Kap. X, post Y" paragraphs below the table.
  const prose = new Map<string, ProseComment>();
  if (!header.hasComment)
    for (const p of proseComments(lines, parsed.end, (j) => headerAt(lines, j) !== null)) {
      const key = `${p.chapter}.${p.post}`;
      if (!prose.has(key) && p.parts.length > 0) prose.set(key, p);
    }
  const lastRow = parsed.rows.at(-1);
  const out: BudgetLine[] = [];
  const sums: SumRow[] = [];
  let chapter: string | null = header.chapter ?? null;
  let previousName = '';
  for (const row of parsed.rows) {
    if (header.layout === 'text') numberedName(row, previousName);
    previousName = row.name;
    const resolved = resolveAmounts(row, header.layout, header.columns, unit.factor, hints, ctx.warn);
    if (row.sumLabel !== null) {
      sums.push({ label: row.sumLabel, amounts: resolved.amounts, line: row.first, position: out.length });
      continue;
    }
    if (row.chapter) chapter = row.chapter;
    else if (!chapter) {
      ctx.warn('budget_chapter_missing', `Budsjettraden post ${row.post} har ikke kapittel.`, row.first);
      continue;
    }
    const name = row.name.replace(/\s+/g, ' ').trim();
    const below = row.comment.length === 0 ? prose.get(`${chapter}.${row.post}`) : undefined;
    if (below) {
      row.comment = below.parts;
      // The row's source lines take in its comment only when nothing stands between them: the table's
      // last row followed by its own "Kap. X, post Y" paragraph. Otherwise the comment is found under
      // that heading, which names the row's chapter and post.
      if (row === lastRow && onlyCaptionsBetween(lines, parsed.end, below.headingIndex))
        row.last = below.last;
    }
    const comment = joinComment(
      resolved.spill ? [resolved.spill, ...row.comment] : row.comment,
      header.layout,
    );
    const { flags, usableUnderPosts } = flagsFromName(name);
    const line: BudgetLine = {
      chapter,
      post: row.post,
      name,
      columns: [...header.columns],
      amounts: resolved.amounts,
      flags,
      usableUnderPosts,
      comment,
      earmarks: [],
      table: above.caption,
      lines: [row.first, Math.max(row.first, row.last)],
    };
    if (comment) warnUnreadableInComment(comment, line, ctx.warn);
    const reading = readEarmarks(comment, rowTotal(line));
    line.earmarks = reading.earmarks;
    checkEarmarks(line, reading, ctx.warn);
    if (sumColumn(line.columns)) checkSumColumn(line, ctx.warn, ctx.tally);
    out.push(line);
  }
  crossFoot(out, sums, ctx.warn, header.columns, ctx.tally);
  // A table whose every row was refused has said why, row by row (budget_chapter_missing, …).
  ctx.tally?.budgetTable(headerLine, out.length);
  result.lines = out;
  return result;
}

/** "12 345 678 901 234 567 kr til A" in a comment: no earmark can be read from it; say so. */
function warnUnreadableInComment(comment: string, line: BudgetLine, warn: ExtractContext['warn']): void {
  const unreadable: string[] = [];
  moneyPhrases(comment, unreadable);
  for (const printed of unreadable) {
    warn(
      'budget_amount_unreadable',
      `Kunne ikke lese beløpet «${printed}» i kommentaren til kap. ${line.chapter ?? '?'} post ${line.post} (for mange siffergrupper eller for stort); det er ikke tatt med som øremerking.`,
      line.lines[0],
    );
  }
}

/** Only blank lines and unit captions ("Beløp i mill. kroner") in `lines[from..to)`. */
function onlyCaptionsBetween(lines: readonly Line[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const t = lines[j]?.text ?? '';
    if (t !== '' && !isUnitCaption(t)) return false;
  }
  return true;
}

/**
 * A table of authorisation ceilings ("Bestillingsfullmakt … Kap. Post Betegnelse Samlet ramme") is not
 * an allocation table: the prose between it and the nearest numbered heading speaks of "fullmakt".
 */
function isAuthorisationTable(lines: readonly Line[], header: TableHeader): boolean {
  for (let j = header.firstIndex - 1, seen = 0; j >= 0 && seen < 6; j--) {
    const t = lines[j]?.text ?? '';
    if (t === '') continue;
    seen++;
    if (isHeading(t)) return false;
    if (/fullmakt/iu.test(t)) return true;
  }
  return false;
}

/**
 * A table continued under a new heading without repeating its header ("4.1. Utgifter" table, then
 * "4.2. Inntekter" / "(alle tall i 1 000 kroner)" / "3714.04 Gebyrinntekter 24 396 …"): the same columns.
 */
function continuationAt(lines: readonly Line[], from: number, header: TableHeader): TableHeader | null {
  let last = -1;
  let caption: string | null = null;
  let unit: TableHeader['unit'] = null;
  for (let j = from, seen = 0; j < lines.length && seen < 4; j++) {
    const t = lines[j]?.text ?? '';
    if (t === '') continue;
    seen++;
    if (isUnitCaption(t)) unit = unitIn(t);
    else if (isHeading(t)) caption = t;
    else {
      if (last < 0 || !/^\d{3,4}(?:\.\d{2}|\s+\d{2})\s+\p{L}/u.test(t)) return null;
      return { ...header, headerIndex: last, firstIndex: last, unit, caption };
    }
    last = j;
  }
  return null;
}

export function extractBudget(ctx: ExtractContext): BudgetLine[] {
  const out: BudgetLine[] = [];
  const { lines } = ctx;
  let floor = 0;
  let prev: ReadTable | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    if (text.length < 8 || !mayOpenTable(text)) continue;
    let header = headerAt(lines, i);
    if (!header) continue;
    if (isAuthorisationTable(lines, header)) {
      ctx.tally?.notBudgetTable(lines[header.firstIndex]!.no);
      continue;
    }
    while (header) {
      const table = readTable(ctx, header, floor, prev);
      prev = table;
      out.push(...table.lines);
      floor = Math.max(table.end, i + 1);
      i = Math.max(i, table.end - 1);
      header = header.layout === 'text' ? continuationAt(lines, table.end, header) : null;
    }
  }
  out.push(...readChanges(ctx));
  // Annual reports: the appropriation and artskonto reports (tables letters do not have).
  out.push(...readAppropriationReport(ctx, out));
  return out;
}
