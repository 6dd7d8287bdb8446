/**
 * One budget year in full: every chapter/post of the year's allocation letter with its flags,
 * earmarks and comment, the changes printed by the year's supplementary letters, the accounts the
 * annual report gives for the year, and the year's authorisations (fullmakter).
 */
import { type Kysely, sql } from 'kysely';
import { redactDeep } from '../../core/register/redact.js';
import type { Viewer } from '../../core/register/viewer.js';
import { hiddenKeys } from './confidential.js';
import { documentLabel } from './import.js';
import type { Database } from './schema.js';
import { documentInScope } from './visibility.js';

const ALWAYS = sql<boolean>`true`;

export interface BudgetYearLine {
  chapter: string;
  post: string;
  name: string;
  /** The allocation letter's amount (whole kroner). */
  letter: number | null;
  /** Sum of what the year's supplementary letters print for the line. */
  supplements: number | null;
  /** Letter plus supplements. */
  allocation: number | null;
  /** The annual report's accounts (regnskap) for the year. */
  accounts: number | null;
  /** Allocation minus accounts, where both exist. */
  difference: number | null;
  flags: string[];
  usableUnderPosts: string[];
  earmarks: { amount: number; text: string }[];
  comment: string | null;
}

export interface BudgetYear {
  /** Every year with budget lines in scope, ascending. */
  years: number[];
  year: number | null;
  lines: BudgetYearLine[];
  authorisations: {
    kind: string;
    text: string;
    chapter: string | null;
    post: string | null;
    amount: number | null;
    document: string;
  }[];
}

/** The column of an annual report's appropriation table that holds the accounts ("Regnskap 2023"). */
function accountsOf(columns: string[], amounts: (number | null)[]): number | null {
  const i = columns.findIndex((c) => /regnskap/i.test(c));
  return i < 0 ? null : (amounts[i] ?? null);
}

/**
 * What a supplementary letter changes on a line: its change column ("Ny tildeling", "Endring"), or
 * its new total ("Sum tildelt") less what was allocated before, or else the amount it prints.
 */
function supplementChange(
  columns: string[],
  amounts: (number | null)[],
  allocated: number | null,
  before: number | null,
): number | null {
  const change = columns.findIndex((c) => /\bny\b|endring|økning|reduksjon/i.test(c));
  if (change >= 0 && amounts[change] !== null && amounts[change] !== undefined) return amounts[change];
  const total = columns.findIndex((c) => /\bsum\b|samlet/i.test(c));
  const t = total >= 0 ? amounts[total] : undefined;
  if (t !== null && t !== undefined && before !== null) return t - before;
  return allocated;
}

const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

export async function budgetYear(db: Kysely<Database>, viewer: Viewer, year?: number): Promise<BudgetYear> {
  const inScope = documentInScope(viewer, 'd.id') ?? ALWAYS;
  const yearRows = await db
    .selectFrom('budget_line as b')
    .innerJoin('document as d', 'd.id', 'b.document_id')
    .select('d.year')
    .distinct()
    .where('d.year', 'is not', null)
    .where(inScope)
    .execute();
  const years = yearRows.map((r) => r.year ?? 0).sort((a, b) => a - b);
  const chosen = year ?? years[years.length - 1] ?? null;
  if (chosen === null) return { years, year: null, lines: [], authorisations: [] };

  const rows = await db
    .selectFrom('budget_line as b')
    .innerJoin('document as d', 'd.id', 'b.document_id')
    .select([
      'b.id',
      'b.chapter',
      'b.post',
      'b.name',
      'b.columns',
      'b.amounts',
      'b.allocated',
      'b.flags',
      'b.usable_under_posts',
      'b.comment',
      'd.type',
    ])
    .where('d.year', '=', chosen)
    .where(inScope)
    .orderBy('d.id')
    .orderBy('b.line_from')
    .execute();
  const earmarks =
    rows.length === 0
      ? []
      : await db
          .selectFrom('budget_earmark')
          .select(['budget_line_id', 'amount', 'text'])
          .where(
            'budget_line_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('budget_line_id')
          .orderBy('ord')
          .execute();

  const byKey = new Map<string, BudgetYearLine>();
  const line = (chapter: string, post: string, name: string): BudgetYearLine => {
    const key = `${chapter}.${post}`;
    let l = byKey.get(key);
    if (!l) {
      l = {
        chapter,
        post,
        name,
        letter: null,
        supplements: null,
        allocation: null,
        accounts: null,
        difference: null,
        flags: [],
        usableUnderPosts: [],
        earmarks: [],
        comment: null,
      };
      byKey.set(key, l);
    }
    return l;
  };
  const letterSeen = new Set<string>();
  // The letter first, so a supplement's new total can be turned into its change.
  const ordered = [
    ...rows.filter((r) => r.type === 'tildelingsbrev'),
    ...rows.filter((r) => r.type !== 'tildelingsbrev'),
  ];
  for (const r of ordered) {
    const l = line(r.chapter, r.post, r.name);
    if (r.type === 'tildelingsbrev') {
      // A letter with several tables prints a line more than once; the first is the allocation.
      if (letterSeen.has(`${r.chapter}.${r.post}`)) continue;
      letterSeen.add(`${r.chapter}.${r.post}`);
      l.name = r.name;
      l.letter = r.allocated;
      l.flags = [...new Set([...l.flags, ...r.flags])];
      l.usableUnderPosts = [...new Set([...l.usableUnderPosts, ...r.usable_under_posts])];
      l.comment = r.comment;
      l.earmarks.push(
        ...earmarks
          .filter((e) => e.budget_line_id === r.id)
          .map((e) => ({ amount: Number(e.amount), text: e.text })),
      );
    } else if (r.type === 'tillegg')
      l.supplements = add(
        l.supplements,
        supplementChange(r.columns, r.amounts, r.allocated, add(l.letter, l.supplements)),
      );
    else if (r.type === 'arsrapport') l.accounts ??= accountsOf(r.columns, r.amounts);
  }
  for (const l of byKey.values()) {
    l.allocation = add(l.letter, l.supplements);
    l.difference = l.allocation !== null && l.accounts !== null ? l.allocation - l.accounts : null;
  }
  const lines = [...byKey.values()].sort(
    (a, b) =>
      a.chapter.localeCompare(b.chapter, 'nb', { numeric: true }) ||
      a.post.localeCompare(b.post, 'nb', { numeric: true }),
  );

  const auth = await db
    .selectFrom('authorisation as a')
    .innerJoin('document as d', 'd.id', 'a.document_id')
    .select(['a.kind', 'a.text', 'a.chapter', 'a.post', 'a.amount', 'd.type', 'd.year', 'd.title'])
    .where('d.year', '=', chosen)
    .where(inScope)
    .orderBy('d.id')
    .orderBy('a.line_from')
    .execute();
  const hidden = await hiddenKeys(db, viewer);
  return redactDeep(
    {
      years,
      year: chosen,
      lines,
      authorisations: auth.map((a) => ({
        kind: a.kind,
        text: a.text,
        chapter: a.chapter,
        post: a.post,
        amount: a.amount === null ? null : Number(a.amount),
        document: a.title ?? documentLabel(a),
      })),
    },
    hidden.printed,
  );
}
