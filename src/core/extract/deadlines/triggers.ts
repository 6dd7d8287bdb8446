/**
 * Deadline triggers: the words that make a following date a deadline.
 *
 * - `label`: the noun "frist" and its forms ("Frist:", "Ny frist", "Fristen for oppdraget er", "Tidsfrist").
 *   It governs every later date of its clause ("Frist for oversendelse av forslag til modell: 1. oktober
 *   2024"), except a date introduced by a word that makes it something else ("jf. brev av 3. mars").
 * - `direct`: "innen", "senest" — the date must follow at once ("innen utgangen av 2022", "senest 15. mars").
 * - `verb`: delivery verbs ("leveres", "oversendes", "rapporteres", "ferdigstilles", "foreligge",
 *   "utsettes til") followed by the date with only filler between ("utredningen skal leveres 1. mars 2023").
 * - `deliverable`: a report-like noun directly followed by a date ("en midtveisrapport 15. juni 2025"),
 *   but not "sluttrapport av 15. oktober 2023", which names a report by its date.
 * - a date in brackets right after a request ("Direktoratet bes sende utkast til departementet
 *   (15. oktober 2026)") is a `direct` trigger at its opening bracket.
 * A label that recalls a deadline ("som hadde frist 31.12.2025", "opprinnelig frist", "Fristen var …")
 * sets none (`isRecalled`).
 */

export type TriggerKind = 'label' | 'direct' | 'verb' | 'deliverable';

export interface Trigger {
  start: number;
  end: number;
  kind: TriggerKind;
}

// "søknadsfrist", "fristbrudd" and "saksbehandlingsfrister" concern others' deadlines: the letters around
// "frist" exclude them. "Ny"/"endelig" belong to the printed phrase.
const LABEL = String.raw`(?:(?:ny|nye|endelig|endelige)\s+)?(?:tids)?frist(?:en|er|ene)?`;
const DIRECT = 'innen|innan|senest|seinast';
const VERB = String.raw`leveres|leverast|levere|leverer|levert|overleveres|oversendes|oversende|oversendt|sendes|rapporteres|rapportere|ferdigstilles|ferdigstille|ferdigstilt|ferdigstillelse|foreligge|besvares|fremlegges|framlegges|legges\s+(?:fram|frem)|utsettes|utsatt|forlenges|forlenget|gjennomføres|sluttføres|avsluttes`;
const DELIVERABLE =
  '(?:midtveis|del|slutt|status|fremdrifts|framdrifts)?rapport(?:en)?|leveransen?|løypemeldingen?';
// One pass for all four kinds (their words never overlap). The word boundary before a trigger is checked
// by hand: a look-behind that opens a pattern is tried at every position and costs five times as much.
const TRIGGER_RE = new RegExp(`(?:(${LABEL})|(${DIRECT})|(${VERB})|(${DELIVERABLE}))(?![\\p{L}\\d])`, 'giu');
const WORD_CHAR_RE = /[\p{L}\d]/u;

// A hearing's deadline belongs to the consulted parties: "sendt på offentlig høring, med frist i januar 2024".
const HEARING = /høring/iu;

// "(15. oktober 2026)", "(1.10.2026)", "(innen 1. mai)": a bracket holding only a day date.
const PAREN_DATE_RE =
  /\((?=\s*(?:innen\s+|senest\s+|frist\s*:?\s*)?\d{1,2}\.\s?(?:\d{1,2}\.(?:\d{2,4})?|\p{L}{3,9}\.?(?:\s+\d{4})?)\s*\))/giu;
// A request in the sentence before the bracket: "Direktoratet bes …", "skal …", "Vi ber om …".
const REQUEST_RE =
  /(?<![\p{L}])(?:bes|ber|skal|må|bør|anmodes|gis\s+i\s+oppdrag|får\s+i\s+oppdrag)(?![\p{L}])/iu;
const PAREN_BLOCKER_RE =
  /(?:^|[^\p{L}])(?:brev|brevet|vedtak|vedtaket|møte|møtet|datert|jf\.?|av|rapport|rapporten|notat|notatet|referat)\s*$/iu;

function parenTriggers(text: string): Trigger[] {
  const out: Trigger[] = [];
  for (const m of text.matchAll(PAREN_DATE_RE)) {
    const before = text.slice(Math.max(0, m.index - 240), m.index);
    const sentence = before.slice(before.search(/[.!?]\s+(?=\p{Lu})[^.!?]*$/u) + 1);
    if (!REQUEST_RE.test(sentence) || PAREN_BLOCKER_RE.test(before)) continue;
    out.push({ start: m.index, end: m.index + 1, kind: 'direct' });
  }
  return out;
}

/** A trigger that is the opening bracket of a date after a request. */
export function isParenTrigger(text: string, t: Trigger): boolean {
  return t.end - t.start === 1 && text[t.start] === '(';
}

// Before the label: "som hadde frist", "hadde opprinnelig frist", "opprinnelig frist", "tidligere frist",
// "den gamle fristen". Between label and date: "Fristen var 1. september", "fristen ble satt til …".
const RECALL_BEFORE_RE =
  /(?:^|[^\p{L}])(?:hadde|opprinnelig|opprinnelige|tidligere|gamle|gammel|forrige|daværende)\s+(?:(?:opprinnelig|en|den|satt)\s+)?$/iu;
const RECALL_AFTER_RE = /^\s*(?:\p{L}+\s+){0,4}?(?:var|ble|hadde\s+vært|har\s+vært)(?![\p{L}])/iu;

/** A label that speaks of a deadline that was, not one that is set. */
export function isRecalled(text: string, label: Trigger, d: { start: number }): boolean {
  const word = text.slice(label.start, label.end).toLowerCase();
  if (/^(?:ny|nye|endelig)/u.test(word)) return false;
  if (RECALL_BEFORE_RE.test(text.slice(Math.max(0, label.start - 32), label.start))) return true;
  return RECALL_AFTER_RE.test(text.slice(label.end, d.start));
}

/** Triggers in `text`, ordered by position. */
export function findTriggers(text: string): Trigger[] {
  const out: Trigger[] = text.includes('(') ? parenTriggers(text) : [];
  const parens = out.length;
  const re = TRIGGER_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = m.index;
    if (at > 0 && WORD_CHAR_RE.test(text[at - 1]!)) {
      // Inside a word ("søknadsfrist"): look again from the next character.
      re.lastIndex = at + 1;
      continue;
    }
    const kind: TriggerKind = m[1] ? 'label' : m[2] ? 'direct' : m[3] ? 'verb' : 'deliverable';
    out.push({ start: at, end: at + m[0].length, kind });
  }
  return parens > 0 ? out.sort((a, b) => a.start - b.start) : out;
}

/** A label trigger that speaks of a hearing earlier in its clause is somebody else's deadline. */
export function isThirdPartyLabel(text: string, clauseStart: number, t: Trigger): boolean {
  return t.kind === 'label' && HEARING.test(text.slice(clauseStart, t.start));
}

// Words that may stand between a trigger and its date: "innen utgangen av", "leveres departementet innen",
// "Frist: Tentativt 1.10.25", "Frist for svar på oppdrag er fredag 2. februar 2024".
const FILLER = new Set([
  'den',
  'til',
  'innen',
  'innan',
  'senest',
  'seinast',
  'på',
  'i',
  'ut',
  'er',
  'departementet',
  'tentativt',
  'ca',
  'ca.',
  'utgangen',
  'løpet',
  'mandag',
  'tirsdag',
  'onsdag',
  'torsdag',
  'fredag',
]);

function tokens(gap: string): string[] {
  return gap
    .split(/[\s:,;–-]+/u)
    .filter((t) => t.length > 0)
    .map((t) => (MINISTRY_TOKEN_RE.test(t) ? 'departementet' : t.toLowerCase()));
}

// A ministry's abbreviation stands where "departementet" would: "Rapport sendes KLD innen 1. mars".
const MINISTRY_TOKEN_RE = /^[A-ZÆØÅ]{2,6}$/u;

/** True when only filler separates a direct or verb trigger from its date. */
export function isFillerGap(gap: string): boolean {
  const ts = tokens(gap);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] ?? '';
    if (FILLER.has(t)) continue;
    // "av" only in "utgangen av" / "i løpet av"; elsewhere it names a document by its date.
    if (t === 'av' && (ts[i - 1] === 'utgangen' || ts[i - 1] === 'løpet')) continue;
    return false;
  }
  return true;
}

// "skal gjennomføres etter leveransen i mai": the month dates the other event.
const RELATIVE_WORD = /(?:^|[^\p{L}])(?:etter|før|siden|jf|datert|vedtatt|møtet?)(?![\p{L}])/iu;

/**
 * A delivery verb may have its object between it and the date: "Det skal leveres en felles statusrapport
 * for arbeidet 1. april 2024". Up to eight words, no comma, nothing that makes the date a reference.
 */
export function isObjectGap(gap: string): boolean {
  return !/[,;(]/u.test(gap) && tokens(gap).length <= 8 && !isBlocked(gap) && !RELATIVE_WORD.test(gap);
}

/** A deliverable noun takes its date directly: "midtveisrapport 15. juni", "delrapport: 1. mai". */
export function isDeliverableGap(gap: string): boolean {
  return tokens(gap).every((t) => t === 'den');
}

// Words right before a date that make it a reference, a starting point or a past event rather than the
// end of a deadline: "brev av 7. november 2013", "jf. lov 24. juni 2011", "per 01.01.24",
// "fra 1. januar 2024", "møtet 12. mars", "vedtatt 12. des. 2023".
const BLOCKER =
  /(?:^|[^\p{L}])(?:av|per|pr\.?|fra|f\.o\.m\.?|fom|t\.o\.m\.?|etter|siden|datert|jf\.?|jfr\.?|lov|loven|forskrift|forskriften|vedtatt|vedtak|møte|møtet|møter|møtene|mottatt|mottar|mottok|nr\.?|perioden|(?:frem|fram)\s+til)\s*$/iu;

/** True when the text just before a label-governed date makes that date something other than a deadline. */
export function isBlocked(gap: string): boolean {
  return BLOCKER.test(gap.slice(-24));
}

// A bare year under a label counts only for what is still to come: "må gjennomføres i 2025", not
// "Oppdraget ble gitt i 2021".
const PAST = /(?:^|[^\p{L}])(?:ble|var|har|hadde|vart)(?![\p{L}])/iu;

export function isPastTense(gap: string): boolean {
  return PAST.test(gap);
}

// Participles describe what happened unless a modal makes them a requirement: "ble oversendt departementet
// 23. april 2021" is history; "skal være ferdigstilt innen …" and "planlegges ferdigstilt første halvår 2024"
// are deadlines.
const PARTICIPLE = /^(?:levert|oversendt|ferdigstilt|utsatt|forlenget)$/iu;
const MODAL =
  /(?:^|[^\p{L}])(?:(?:skal|må|bør|vil|kan)\s+(?:\p{L}+\s+)?(?:være|vere|bli)|planlegges|forventes|ventes)\s+$/iu;

/** False for a participle that reports a past event rather than setting a deadline. */
export function isRequirementVerb(text: string, t: Trigger): boolean {
  const word = text.slice(t.start, t.end);
  return !PARTICIPLE.test(word) || MODAL.test(text.slice(Math.max(0, t.start - 40), t.start));
}

/** A bare year after a verb needs a passive verb or "til"/"innen": "gjennomføres i 2024", not "levere i 2023". */
export function takesBareYear(text: string, t: Trigger, gap: string): boolean {
  return /(?:es|fram|frem)$/iu.test(text.slice(t.start, t.end)) || /(?:til|innen|innan)\s+$/iu.test(gap);
}
