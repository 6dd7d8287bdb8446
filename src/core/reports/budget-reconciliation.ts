/**
 * "Budsjettavstemming": allocation per chapter/post from the letter and its supplements against the
 * annual report's appropriation report, and its accounts against the government accounts export
 * (statsregnskapet), with every difference flagged.
 */
import { groupThousands } from '../format/norwegian.js';
import type { AccountsRow, BudgetLineFacts, ReportFacts } from './facts.js';
import { reportShell } from './common.js';
import {
  amount,
  type Block,
  type Cell,
  column,
  flag,
  heading,
  paragraph,
  type Report,
  table,
  text,
} from './model.js';

export interface ReconciliationRow {
  chapter: string;
  post: string;
  name: string;
  letter: number | null;
  supplements: number | null;
  total: number | null;
  reported: number | null;
  reportedAccounts: number | null;
  stateAccounts: number | null;
}

function add(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

const keyOf = (chapter: string, post: string) =>
  `${chapter.replace(/^0+(?=\d)/, '')}.${post.padStart(2, '0')}`;

export function reconcile(
  budget: readonly BudgetLineFacts[],
  accounts: readonly AccountsRow[] | null,
): ReconciliationRow[] {
  const rows = new Map<string, ReconciliationRow>();
  const row = (chapter: string, post: string, name: string) => {
    const k = keyOf(chapter, post);
    let r = rows.get(k);
    if (!r) {
      r = {
        chapter,
        post,
        name,
        letter: null,
        supplements: null,
        total: null,
        reported: null,
        reportedAccounts: null,
        stateAccounts: null,
      };
      rows.set(k, r);
    }
    if (r.name === '') r.name = name;
    return r;
  };
  for (const b of budget) {
    const r = row(b.chapter, b.post, b.name);
    if (b.source === 'tildelingsbrev') r.letter = add(r.letter, b.allocated);
    else if (b.source === 'tillegg') r.supplements = add(r.supplements, b.allocated);
    else {
      r.reported = add(r.reported, b.allocated);
      r.reportedAccounts = add(r.reportedAccounts, b.accounts);
    }
  }
  for (const a of accounts ?? []) {
    const r = row(a.chapter, a.post, '');
    r.stateAccounts = add(r.stateAccounts, a.kroner);
  }
  for (const r of rows.values()) r.total = add(r.letter, r.supplements);
  return [...rows.values()].sort(
    (a, b) =>
      a.chapter.localeCompare(b.chapter, 'nb', { numeric: true }) ||
      a.post.localeCompare(b.post, 'nb', { numeric: true }),
  );
}

/** A difference cell: flagged when both sides are known and differ, "–" when one is missing. */
function difference(a: number | null, b: number | null): Cell {
  if (a === null || b === null) return text('–');
  return a === b ? text('0') : flag(`Avvik ${amountText(b - a)}`);
}

function amountText(n: number): string {
  return `${n > 0 ? '+' : ''}${groupThousands(n)} kr`;
}

export function buildBudgetReconciliation(
  facts: ReportFacts,
  accounts: readonly AccountsRow[] | null,
): Report {
  const rows = reconcile(facts.budget, accounts);
  const flagged = rows.filter(
    (r) =>
      (r.total !== null && r.reported !== null && r.total !== r.reported) ||
      (r.reportedAccounts !== null && r.stateAccounts !== null && r.reportedAccounts !== r.stateAccounts),
  ).length;
  const blocks: Block[] = [
    paragraph(
      accounts === null
        ? 'Tildelingen i brevet og tilleggene er stilt mot bevilgningsrapporteringen i årsrapporten. Ingen eksport fra statsregnskapet er lagt ved.'
        : 'Tildelingen i brevet og tilleggene er stilt mot bevilgningsrapporteringen i årsrapporten, og regnskapet i årsrapporten mot eksporten fra statsregnskapet.',
    ),
    paragraph(flagged === 0 ? 'Ingen avvik.' : `${flagged} kapitler/poster har avvik.`),
    heading(1, 'Tildeling mot årsrapport'),
  ];
  blocks.push(
    rows.length === 0
      ? paragraph('Ingen budsjettlinjer for året.')
      : table(
          [
            column('Kap.', 0.7),
            column('Post', 0.6),
            column('Navn', 2.6),
            column('Tildelingsbrev', 1.6, 'right'),
            column('Tillegg', 1.4, 'right'),
            column('Sum tildelt', 1.6, 'right'),
            column('Årsrapport', 1.6, 'right'),
            column('Differanse', 1.6, 'right'),
          ],
          rows.map((r) => [
            text(r.chapter),
            text(r.post),
            text(r.name),
            amount(r.letter),
            amount(r.supplements),
            amount(r.total),
            amount(r.reported),
            difference(r.total, r.reported),
          ]),
        ),
  );
  if (accounts !== null) {
    blocks.push(heading(1, 'Regnskap mot statsregnskapet'));
    blocks.push(
      table(
        [
          column('Kap.', 0.7),
          column('Post', 0.6),
          column('Navn', 2.8),
          column('Regnskap i årsrapport', 1.8, 'right'),
          column('Statsregnskapet', 1.8, 'right'),
          column('Differanse', 1.6, 'right'),
        ],
        rows
          .filter((r) => r.reportedAccounts !== null || r.stateAccounts !== null)
          .map((r) => [
            text(r.chapter),
            text(r.post),
            text(r.name),
            amount(r.reportedAccounts),
            amount(r.stateAccounts),
            difference(r.reportedAccounts, r.stateAccounts),
          ]),
      ),
    );
  }
  return {
    ...reportShell('budsjettavstemming', facts, [{ label: 'Avvik', value: String(flagged) }]),
    blocks,
  };
}
