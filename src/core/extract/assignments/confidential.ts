/**
 * Markings that exempt an assignment from public access, in the wordings letters use:
 *
 *   "Unntatt offentlighet", "Unntatt fra offentlighet", "unntatt offentlig innsyn", "U.off.", "unntatt off.",
 *   "jf. offl. § 13", "offentleglova § 15", "offentlighetsloven § 22", "Ikke offentlig", and the security
 *   classifications "Begrenset", "Fortrolig", "Hemmelig" (sikkerhetsloven).
 *
 * The long forms and a cited section of the Freedom of Information Act mark a text wherever they stand.
 * "Ikke offentlig", "Begrenset" and "Fortrolig" are ordinary words too ("ikke offentlig tilgjengelig",
 * "begrenset kapasitet", "fortrolig med"), so they count only where a marking stands: alone on a line
 * or in brackets, after a dash or a "Gradering:" label, before "jf." or a full stop ending the line, or
 * printed in capitals ("BEGRENSET").
 *
 * An assignment listed only by its ID because its content is exempt ("TB2027-14 (unntatt offentlighet)",
 * "TB2027-15 – U.off. jf. offl. § 13") is read by `exemptOnly`: the text after the ID is nothing but a
 * marking.
 */

// Markings that stand anywhere.
const STRONG_RE =
  /unntatt\s+(?:fra\s+)?offentlig(?:het(?:en)?|\s+innsyn)|(?<![\p{L}])u\.\s?off\.?(?![\p{L}])|unntatt\s+off\.?(?![\p{L}])|(?<![\p{L}])(?:offl|offentleglova|offentlighetsloven)\.?\s*§+\s*\d|sikkerhetsloven\s*§|(?<![\p{L}])(?:er|blir)\s+ikke\s+offentlige?t?\s*(?:[.,;)]|$)/iu;
// A security classification printed in capitals; in lower case these are ordinary words.
const CAPITALS_RE = /(?<![\p{L}])(?:BEGRENSET|FORTROLIG|STRENGT HEMMELIG|HEMMELIG)(?![\p{L}])/u;
// Words that are markings only in a marking's place.
const WEAK_WORD = String.raw`(?:ikke\s+offentlig|begrenset|fortrolig|strengt\s+hemmelig|hemmelig)`;
const WEAK_RE = new RegExp(
  String.raw`(?:^|[([–—-]\s*|(?:gradering|sikkerhetsgradering|klassifisering|skjermingsverdi)\s*:\s*)${WEAK_WORD}\s*(?:$|[)\]]|[,;]?\s*jf\.|\.\s*$)`,
  'iu',
);

// Every marking holds one of these words: most texts fail this one test.
const KEYWORD_RE = /unntatt|u\.\s?off|offl|offentle|offentlig|sikkerhetslov|begrenset|fortrolig|hemmelig/iu;

/** The text carries a marking that exempts it from public access. */
export function hasMarking(text: string): boolean {
  if (!KEYWORD_RE.test(text)) return false;
  return STRONG_RE.test(text) || CAPITALS_RE.test(text) || WEAK_RE.test(text.trim());
}

export function isConfidential(texts: readonly string[]): boolean {
  return texts.some((t) => t !== '' && hasMarking(t));
}

// What may stand around the marking of an ID-only line: brackets, dashes, "jf.", the section cited.
const ONLY_MARKING_RE = new RegExp(
  String.raw`^[([–—:-]?\s*(?:(?:innholdet\s+(?:er\s+)?)?(?:unntatt\s+(?:fra\s+)?offentlig(?:het(?:en)?|\s+innsyn)|unntatt\s+off\.?|u\.\s?off\.?|${WEAK_WORD}))\s*(?:[,;]?\s*(?:jf\.?|jfr\.?|etter|med\s+hjemmel\s+i)?\s*(?:offl|offentleglova|offentlighetsloven|sikkerhetsloven)\.?\s*§+\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:\s*,?\s*(?:\d\.|første|andre|annet|tredje)\s+ledd)?(?:\s*(?:bokstav\s+)?[a-h]\b)?)?\s*[)\].]?\s*$`,
  'iu',
);
// "(offl. § 13)" alone: the section cited is the marking.
const ONLY_SECTION_RE =
  /^[([–—-]?\s*(?:jf\.?\s*)?(?:offl|offentleglova|offentlighetsloven)\.?\s*§+\s*\d{1,2}(?:\s*,?\s*(?:\d\.|første|andre|annet|tredje)\s+ledd)?\s*[)\]]?\.?\s*$/iu;

/** The text after an ID is only a marking: the assignment is listed by ID because it is exempt. */
export function exemptOnly(rest: string): boolean {
  const t = rest.trim();
  if (t === '' || t.length > 120 || !KEYWORD_RE.test(t)) return false;
  return ONLY_MARKING_RE.test(t) || ONLY_SECTION_RE.test(t);
}
