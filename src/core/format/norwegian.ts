/**
 * Norwegian presentation of dates and amounts, shared by the extractor's warning messages and every
 * adapter that prints to people: "15. mars 2025", "1 234 567".
 */

/** Month names, the same in bokmål and nynorsk; index 0 is January. */
export const MONTH_NAMES = [
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
] as const;

/**
 * 1234567 → "1 234 567"; -5000 → "-5 000". A plain space, not a narrow no-break space, because the
 * text is copied into spreadsheets and search fields where U+202F does not survive.
 */
export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** `2025-03-15` → "15. mars 2025"; anything not a plain ISO date is returned as given. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}. ${MONTH_NAMES[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
