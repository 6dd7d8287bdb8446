/** Norwegian presentation: dates as "15. mars 2025", amounts with space thousands separators, tables. */
import { formatIsoDate, groupThousands } from '../../../core/format/norwegian.js';
import { terminalSafe } from '../../../core/text/terminal-safe.js';
import { renderTable } from '../table.js';

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
  return formatIsoDate(iso);
}

/** 1200000 → `1 200 000` (narrow no-break spaces would not survive copy into spreadsheets). */
export function formatAmount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return groupThousands(Math.round(n));
}

export function formatShare(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)} %`;
}

export function table(
  head: string[],
  rows: (string | number)[][],
  opts: { widths?: (number | null)[] } = {},
): string {
  // Cells hold user text (titles, notes, owners): neutralised before layout, so widths stay right.
  return renderTable(
    head.map(terminalSafe),
    rows.map((r) => r.map((c) => (typeof c === 'string' ? terminalSafe(c) : c))),
    opts,
  );
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

export const NOT_IN_CURRENT_VERSION = 'ikke i gjeldende versjon';

/** `pågår (forfalt)`; an assignment a corrected letter dropped says so: `pågår (ikke i gjeldende versjon)`. */
export function statusLabel(status: string, derived: string | null, inCurrentVersion = true): string {
  const notes = [derived, inCurrentVersion ? null : NOT_IN_CURRENT_VERSION].filter((n) => n);
  return notes.length > 0 ? `${status} (${notes.join(', ')})` : status;
}

/** A title, marked when the current version of its letter no longer prints the assignment. */
export function titleLabel(title: string, inCurrentVersion: boolean | undefined): string {
  return inCurrentVersion === false ? `${title} (${NOT_IN_CURRENT_VERSION})` : title;
}

/** Wrap an output function so everything it prints is terminal-safe (see core/text/terminal-safe.ts). */
export function safeOutput(write: (s: string) => void): (s: string) => void {
  return (s) => write(terminalSafe(s));
}
