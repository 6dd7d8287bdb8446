/**
 * "Utkast til neste års tildelingsbrev": the skeleton of next year's letter from this year's register.
 * Goals and steering parameters, the open assignments carried over ("videreføres") with their IDs,
 * this year's budget table as a starting point, and the steering calendar a year on, to be confirmed.
 */
import { OPEN_STATUSES } from '../register/status.js';
import type { ReportFacts } from './facts.js';
import { compareByIds, deadlinesOf, idsOf, reportShell, titleOf } from './common.js';
import { amount, type Block, column, date, heading, paragraph, type Report, table, text } from './model.js';

/** The same day a year later; 29 February becomes 28 February. */
export function nextYearDate(iso: string): string {
  const y = Number(iso.slice(0, 4)) + 1;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${y}-${md}`;
}

export function buildNextLetter(facts: ReportFacts): Report {
  const next = facts.year + 1;
  const blocks: Block[] = [
    paragraph(
      `Utkastet bygger på registeret for ${facts.year}. Tekst, beløp og datoer må gjennomgås før brevet sendes.`,
    ),
    heading(1, 'Mål og styringsparametere'),
  ];
  if (facts.goals.length === 0) blocks.push(paragraph('Ingen mål i registeret for året.'));
  for (const g of facts.goals) {
    blocks.push(heading(2, `${g.number} ${g.title}`.trim()));
    const items = [
      ...g.criteria.map((c) => [text('Vurderingskriterium'), text(c)]),
      ...g.steeringParameters.map((p) => [text('Styringsparameter'), text(p)]),
    ];
    if (items.length > 0) blocks.push(table([column('Type', 1.3), column('Tekst', 5)], items));
  }

  const open = facts.assignments
    .filter((a) => (OPEN_STATUSES as readonly string[]).includes(a.status))
    .sort(compareByIds);
  blocks.push(heading(1, 'Oppdrag som videreføres'));
  blocks.push(
    open.length === 0
      ? paragraph('Ingen åpne oppdrag å videreføre.')
      : table(
          [
            column('ID', 1.2),
            column('Oppdrag', 4),
            column('Frist i år', 1.6),
            column('Status i år', 1),
            column(`Status ${next}`, 1.1),
          ],
          open.map((a) => [
            text(idsOf(a)),
            text(titleOf(a)),
            text(deadlinesOf(a)),
            text(a.status),
            text('Videreføres'),
          ]),
        ),
  );

  const letter = facts.budget.filter((b) => b.source === 'tildelingsbrev');
  blocks.push(heading(1, 'Budsjett'));
  blocks.push(
    letter.length === 0
      ? paragraph('Ingen budsjettlinjer i årets tildelingsbrev.')
      : table(
          [
            column('Kap.', 0.8),
            column('Post', 0.7),
            column('Navn', 3.5),
            column(`Tildeling ${facts.year}`, 1.7, 'right'),
            column(`Tildeling ${next}`, 1.7, 'right'),
          ],
          letter.map((b) => [text(b.chapter), text(b.post), text(b.name), amount(b.allocated), text('')]),
        ),
  );

  blocks.push(heading(1, 'Styringskalender'));
  blocks.push(
    facts.calendar.length === 0
      ? paragraph('Ingen styringskalender i årets brev.')
      : table(
          [column(`Dato ${next}`, 1.5), column('Hva', 4.5), column('Bekreftet', 1.2)],
          facts.calendar.map((c) => [
            date(c.date === null ? null : nextYearDate(c.date)),
            text(c.note ? `${c.text} (${c.note})` : c.text),
            text('Må bekreftes'),
          ]),
        ),
  );
  return {
    ...reportShell('neste-brev', facts, [{ label: 'Utkast for', value: String(next) }]),
    title: `Utkast til tildelingsbrev ${next}`,
    blocks,
  };
}
