/** Dates and amounts as Norwegians write them: «15. mars 2025», «1 234 567 kr», «12,5 mill. kr». */
const longDate = new Intl.DateTimeFormat('nb-NO', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Oslo',
});
const dateTime = new Intl.DateTimeFormat('nb-NO', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Oslo',
});
const whole = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const millions = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** ISO date (YYYY-MM-DD) or timestamp → «15. mars 2025»; anything unreadable is shown as given. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : longDate.format(d);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTime.format(d).replace(',', ' kl.');
}

/** Intl uses a narrow no-break space for grouping; a normal no-break space copies better into Excel. */
function spaces(s: string): string {
  return s.replace(/[\u202f\u00a0]/g, '\u00a0').replace('-', '−');
}

export function formatNumber(n: number): string {
  return spaces(whole.format(n));
}

export function formatKroner(n: number): string {
  return `${formatNumber(n)}\u00a0kr`;
}

/** Large sums in tables and charts: «12,5 mill. kr» from 12 500 000. */
export function formatMillions(n: number): string {
  return `${spaces(millions.format(n / 1_000_000))}\u00a0mill.\u00a0kr`;
}
