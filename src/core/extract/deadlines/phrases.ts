/**
 * Deadline phrases without a calendar date.
 *
 * - relative: tied to another event — "innen tre uker etter at rapporten er ferdigstilt", "Samtidig med
 *   årsrapporten for 2021", "Som en del av direktoratets innspill til rammefordelingsforslaget",
 *   "i forbindelse med årsrapporten", "Frist: 1. tertial" (due with the tertial report), "før påske",
 *   "senest en virkedag før publisering".
 * - recurring: "innen 1. februar hvert år", "hvert år innen 15. oktober".
 * - open: "løpende" (continuous reporting) — reported with precision none.
 */

const NUMBER_WORD = String.raw`(?:\d{1,3}|en|ei|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|fjorten|tjue|tretti)`;
const UNIT = String.raw`(?:virke)?(?:dag|dager|døgn|uke|uker|måned|måneder|mnd\.?|år)`;

export const RELATIVE = new RegExp(
  [
    String.raw`(?:innen|innan|senest|seinast)\s+${NUMBER_WORD}\s+${UNIT}\s+(?:etter|fra|før)`,
    String.raw`${NUMBER_WORD}\s+${UNIT}\s+(?:etter|før)\s+(?:at|mottak|oversendelse|publisering|ferdigstillelse)`,
    String.raw`samtidig\s+med`,
    String.raw`sammen\s+med\s+(?:års|tertial)`,
    String.raw`i\s+forbindelse\s+med`,
    String.raw`(?<![\p{L}])ifm\.`,
    String.raw`som\s+(?:en\s+)?del\s+av`,
    String.raw`(?<![\p{L}\d])[123]\.\s*tertial`,
    String.raw`(?<![\p{L}])(?:første|andre|annen|tredje)\s+tertial`,
    'tertialrapport',
    String.raw`før\s+(?:påske|jul|sommerferien|fellesferien)`,
    String.raw`i\s+tråd\s+med\s+frister`,
  ].join('|'),
  'iu',
);

export const RECURRING =
  /(?<![\p{L}])(?:hvert|kvart)\s+(?:år|kvartal|tertial|halvår)|(?<![\p{L}])(?:hver|kvar)\s+måned|(?<![\p{L}])årlig(?![\p{L}])/iu;

export const ONGOING = /(?<![\p{L}])løpende(?![\p{L}])/iu;

// Indicator rows measure the agency's services, they do not set it deadlines:
// "Andel epikriser sendt fra sykehusene innen en dag etter at pasienten er skrevet ut".
export const INDICATOR = /^[\s•\-–*✓]*(?:andel|antall|gjennomsnittlig|prosent|median)(?![\p{L}])|\(%\)/iu;

// A clause that starts with the deadline noun is about the deadline even when no date follows:
// "Frist avklares i dialog mellom departementet og direktoratet.", "Frist: Løpende".
export const LABEL_FIRST = /^[\s•\-–*✓]*(?:(?:ny|nye|endelig)\s+)?(?:tids)?frist(?:en|er|ene)?(?=[\s:]|$)/iu;
