/**
 * Assignment status: the stored statuses, the allowed transitions, and the statuses derived from
 * deadlines with an injected clock. The table is documented in docs/register.md; keep them in sync.
 */

export const STATUSES = ['ny', 'pågår', 'levert', 'ferdig', 'videreført', 'trukket', 'erstattet'] as const;
export type Status = (typeof STATUSES)[number];

export function isStatus(s: string): s is Status {
  return (STATUSES as readonly string[]).includes(s);
}

/**
 * from → allowed next statuses. `levert → pågår` lets the ministry send a delivery back;
 * `videreført` means carried into a new letter and the work goes on there. ferdig, trukket and
 * erstattet are final: a mistake is corrected by a new assignment, not by rewriting history.
 */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  ny: ['pågår', 'levert', 'videreført', 'trukket', 'erstattet'],
  pågår: ['levert', 'videreført', 'trukket', 'erstattet'],
  levert: ['ferdig', 'pågår'],
  videreført: ['pågår', 'levert', 'ferdig', 'trukket', 'erstattet'],
  ferdig: [],
  trukket: [],
  erstattet: [],
};

/** Statuses in which an assignment still owes work, so its deadlines can be missed. */
export const OPEN_STATUSES: readonly Status[] = ['ny', 'pågår', 'videreført'];

// "Oppdrag TB2026-03 trekkes tilbake", "Utgår.", "… trekkes uten at det gis nytt oppdrag", "Bortfaller".
// "… trekkes (derfor) inn i arbeidet" is prose about involving someone, not a withdrawal.
const WITHDRAWN_RE =
  /(?<!\p{L})(?:trekkes(?!(?:\s+\p{L}+)?\s+(?:inn|med|fram|frem|opp|ut)(?!\p{L}))|trukket|utgår|bortfaller)(?!\p{L})/iu;

/**
 * The status a letter's own status sentence for an assignment implies (Assignment.statusText), or null.
 * Only a withdrawal is read: "Avsluttes" or "Ferdigstilt" says nothing about whether the ministry
 * accepted a delivery, so those are left to a person.
 */
export function statusFromText(text: string | null): Status | null {
  return text !== null && WITHDRAWN_RE.test(text) ? 'trukket' : null;
}

export type TransitionCheck = { ok: true } | { ok: false; code: string; message: string };

export function checkTransition(from: string, to: string, reason: string): TransitionCheck {
  if (!isStatus(to))
    return {
      ok: false,
      code: 'unknown_status',
      message: `Ukjent status «${to}». Gyldige: ${STATUSES.join(', ')}.`,
    };
  if (!isStatus(from))
    return { ok: false, code: 'unknown_status', message: `Ukjent nåværende status «${from}».` };
  if (from === to)
    return { ok: false, code: 'same_status', message: `Oppdraget har allerede status «${to}».` };
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from];
    return {
      ok: false,
      code: 'invalid_transition',
      message:
        allowed.length === 0
          ? `Status «${from}» er endelig og kan ikke endres.`
          : `Kan ikke gå fra «${from}» til «${to}». Tillatt: ${allowed.join(', ')}.`,
    };
  }
  if (reason.trim() === '')
    return {
      ok: false,
      code: 'reason_required',
      message: 'Oppgi en begrunnelse (--note) for statusendringen.',
    };
  return { ok: true };
}

export type DerivedStatus = 'forfalt' | 'snart forfall' | null;

/** Days ahead that count as "due soon". */
export const DUE_SOON_DAYS = 14;

/** Calendar day (Europe/Oslo) of an instant, as `YYYY-MM-DD`. */
export function osloDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * forfalt: open and the final deadline has passed. snart forfall: open and some deadline falls
 * within DUE_SOON_DAYS. Intermediate deadlines (a mid-term report) make an assignment "due soon"
 * but only the last one makes it overdue, so a long assignment is not flagged for a whole year.
 */
export function deriveStatus(
  status: string,
  deadlines: readonly (string | null)[],
  today: string,
  soonDays = DUE_SOON_DAYS,
): DerivedStatus {
  if (!(OPEN_STATUSES as readonly string[]).includes(status)) return null;
  const dates = deadlines.filter((d): d is string => d !== null).sort();
  const last = dates[dates.length - 1];
  if (last === undefined) return null;
  if (last < today) return 'forfalt';
  const horizon = addDays(today, soonDays);
  if (dates.some((d) => d >= today && d <= horizon)) return 'snart forfall';
  return null;
}
