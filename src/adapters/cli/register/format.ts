/** Norwegian presentation: dates as "15. mars 2025", amounts with space thousands separators, tables. */
import Table from 'cli-table3';

const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

/** `2025-03-15` → `15. mars 2025`; a timestamp is shown as its Oslo calendar day with time. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  if (iso.length > 10) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(d);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${formatDate(`${get('year')}-${get('month')}-${get('day')}`)} kl. ${get('hour')}.${get('minute')}`;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** 1200000 → `1 200 000` (narrow no-break spaces would not survive copy into spreadsheets). */
export function formatAmount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function formatShare(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)} %`;
}

export function table(
  head: string[],
  rows: (string | number)[][],
  opts: { widths?: (number | null)[] } = {},
): string {
  const t = new Table({
    head,
    style: { head: [], border: [] },
    wordWrap: true,
    ...(opts.widths ? { colWidths: opts.widths } : {}),
  });
  for (const r of rows) t.push(r);
  return t.toString();
}

export const TYPE_LABEL: Record<string, string> = {
  tildelingsbrev: 'Tildelingsbrev',
  tillegg: 'Tillegg til tildelingsbrev',
  arsrapport: 'Årsrapport',
  ukjent: 'Ukjent dokumenttype',
};

export const ASSIGNMENT_KIND: Record<string, string> = {
  new: 'nytt',
  carried_over: 'videreført',
  supplement: 'tillegg',
};

export function statusLabel(status: string, derived: string | null): string {
  return derived ? `${status} (${derived})` : status;
}
