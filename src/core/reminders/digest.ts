/**
 * The daily digest, pure: which of a person's assignments are overdue and which fall due within the
 * horizon, and the e-mail that lists them (Norwegian, plain text and HTML, links into the web app).
 * The assignments come from the recipient's own view of the register, so nothing reaches a person
 * that they could not read in the app.
 */
import { formatIsoDate } from '../format/norwegian.js';
import { addDays } from '../register/status.js';

export interface DigestAssignment {
  ref: string;
  title: string;
  status: string;
  deadlines: readonly (string | null)[];
}

export interface DigestLine {
  ref: string;
  title: string;
  status: string;
  /** The deadline that puts it in the digest: the final one if overdue, else the next one. */
  date: string;
}

export interface Digest {
  overdue: DigestLine[];
  dueSoon: DigestLine[];
}

const OPEN = new Set(['ny', 'pågår', 'videreført']);

/** Overdue: open and the final deadline has passed. Due soon: open and a deadline within the horizon. */
export function digestFor(items: readonly DigestAssignment[], today: string, withinDays: number): Digest {
  const horizon = addDays(today, withinDays);
  const overdue: DigestLine[] = [];
  const dueSoon: DigestLine[] = [];
  for (const a of items) {
    if (!OPEN.has(a.status)) continue;
    const dated = a.deadlines.filter((d): d is string => d !== null).sort();
    const last = dated[dated.length - 1];
    if (last === undefined) continue;
    const line = { ref: a.ref, title: a.title, status: a.status };
    if (last < today) overdue.push({ ...line, date: last });
    else {
      const next = dated.find((d) => d >= today);
      if (next !== undefined && next <= horizon) dueSoon.push({ ...line, date: next });
    }
  }
  const byDate = (x: DigestLine, y: DigestLine) => x.date.localeCompare(y.date) || x.ref.localeCompare(y.ref);
  return { overdue: overdue.sort(byDate), dueSoon: dueSoon.sort(byDate) };
}

export function isEmptyDigest(d: Digest): boolean {
  return d.overdue.length === 0 && d.dueSoon.length === 0;
}

/** «styr: 3 oppdrag forfaller snart, 1 forfalt». */
export function digestSubject(d: Digest): string {
  const parts: string[] = [];
  if (d.dueSoon.length > 0) parts.push(`${d.dueSoon.length} oppdrag forfaller snart`);
  if (d.overdue.length > 0)
    parts.push(d.dueSoon.length > 0 ? `${d.overdue.length} forfalt` : `${d.overdue.length} oppdrag forfalt`);
  return `styr: ${parts.join(', ')}`;
}

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function linkTo(baseUrl: string, ref: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/oppdrag/${encodeURIComponent(ref)}`;
}

export function digestMail(
  d: Digest,
  o: { name: string; today: string; withinDays: number; baseUrl: string },
): DigestMail {
  const sections: [string, DigestLine[]][] = [
    ['Forfalt', d.overdue],
    [`Forfaller innen ${o.withinDays} dager`, d.dueSoon],
  ];
  const shown = sections.filter(([, lines]) => lines.length > 0);
  const text = [
    `Hei ${o.name},`,
    '',
    `Dette er oppdragene du er ansvarlig for som trenger oppmerksomhet (${formatIsoDate(o.today)}).`,
    ...shown.flatMap(([heading, lines]) => [
      '',
      `${heading}:`,
      ...lines.map(
        (l) =>
          `- ${l.ref} ${l.title} – frist ${formatIsoDate(l.date)} (${l.status})\n  ${linkTo(o.baseUrl, l.ref)}`,
      ),
    ]),
    '',
    'Hilsen styr',
  ].join('\n');
  const html = [
    `<p>Hei ${escapeHtml(o.name)},</p>`,
    `<p>Dette er oppdragene du er ansvarlig for som trenger oppmerksomhet (${escapeHtml(formatIsoDate(o.today))}).</p>`,
    ...shown.map(
      ([heading, lines]) =>
        `<h2>${escapeHtml(heading)}</h2>\n<ul>\n${lines
          .map(
            (l) =>
              `<li><a href="${escapeHtml(linkTo(o.baseUrl, l.ref))}">${escapeHtml(l.ref)}</a> ${escapeHtml(l.title)} – frist ${escapeHtml(formatIsoDate(l.date))} (${escapeHtml(l.status)})</li>`,
          )
          .join('\n')}\n</ul>`,
    ),
    '<p>Hilsen styr</p>',
  ].join('\n');
  return { subject: digestSubject(d), text, html };
}
