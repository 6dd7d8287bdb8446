/**
 * Assignment identifiers as printed ("TB2024-07", "TTB2022-19", "RTB2020-17") and their irregular
 * spellings: "TB-2021-29", "TB 2022-53", "TB2022 –21", "ID-TB2021-45", a sub-part "TB2020-57/2", an
 * ID split over two lines ("ID: TB2019-" + "7/TTB2019-38"), placeholders ("ID: ukjent", "TB202x-"), and IDs
 * without a prefix behind an "ID" label ("ID: 2026-01", as some oppdragsdokumenter number their tasks).
 */

// "ID: 2026-01": a year and a number, only ever read behind the label.
const BARE_ID_RE = /^((?:19|20)\d{2}) ?[-–] ?(\d{1,3})(?![\d\p{L}])(?![-–.]\d)/u;
const LABELLED_BARE_RE =
  /(?<![\p{L}\d])ID\s*[:.]?\s*((?:19|20)\d{2}) ?[-–] ?(\d{1,3})(?![\d\p{L}])(?![-–.]\d)/gu;

/**
 * Which prefixes a document uses for its IDs. HOD's letters print "TB" with the derived forms "TTB"
 * (supplementary letters) and "RTB"; another ministry may print "OPP2024-3" / "TOPP2024-1". A prefix
 * is learnt from the document itself: a "<1–5 capitals><year>-<number>" token that opens at least three
 * lines (an ID in a header position). Body text only counts IDs with a learnt prefix, so "NOU 2023-…"
 * or a plan period "NHSP 2020-2023" in prose never becomes an assignment reference.
 */
export interface IdScheme {
  /** Base prefixes ("TB", "OPP"); each also admits the derived forms with "T", "R" or "RT" in front. */
  bases: readonly string[];
  /** The base most headers use: the prefix of synthetic IDs for placeholders ("ID: ukjent"). */
  main: string;
  re: RegExp;
  globalRe: RegExp;
  placeholderRe: RegExp;
  labelRe: RegExp;
  /** Cheap pre-test: the text may hold an ID (it contains a base prefix). */
  mayHold: (text: string) => boolean;
}

const DEFAULT_BASES = ['TB'];
const schemes = new Map<string, IdScheme>();

/** The scheme for these base prefixes (cached: one set of regexes per distinct prefix set). */
function idScheme(bases: readonly string[], main = bases[0] ?? 'TB'): IdScheme {
  const sorted = [...new Set(bases)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const key = sorted.join('|');
  const cacheKey = `${key}>${main}`;
  const cached = schemes.get(cacheKey);
  if (cached) return cached;
  const prefix = `[RT]{0,2}(?:${key})`;
  /**
   * One printed ID. The separators between prefix, year and number may be a space, hyphen or en dash
   * ("TB 2022-53", "TB-2021-29", "TB2022 –21"). A trailing "/2" (not followed by another ID) names a
   * sub-part of an older assignment ("TB2020-57/2").
   */
  const src = String.raw`(?<![\p{L}\d])(${prefix})[ \-]?(\d{4}) ?[-–] ?(\d{1,3}(?:\.\d{1,2})?)(?:\/(\d{1,2})(?![\d\-–.]))?(?![\p{L}\d])`;
  const scheme: IdScheme = {
    bases: sorted,
    main,
    re: new RegExp(src, 'u'),
    globalRe: new RegExp(src, 'gu'),
    // "TB202x-", "RTB2020-", "TB2016", "TTB2021-" (number missing): something ID-shaped but unreadable.
    placeholderRe: new RegExp(
      String.raw`^(${prefix})[ -]?(\d{3}[\dxX]|\d{2}xx)?(?: ?[-–])?(?![\p{L}\d])`,
      'u',
    ),
    labelRe: new RegExp(String.raw`^(?:ID\b\s*[:.\-–]?\s*|ID(?=[-–]?${prefix}))[-–]?`, 'u'),
    mayHold: (text) => sorted.some((b) => text.includes(b)),
  };
  schemes.set(cacheKey, scheme);
  return scheme;
}

export const DEFAULT_ID_SCHEME = idScheme(DEFAULT_BASES);

// "OPP2024-3⇥Avd. KLD: …", "ID: OPP 2024-12 …": an ID-shaped token opening a line.
export const HEADER_TOKEN_RE =
  /^(?:ID\s*[:.\-–]?\s*)?([A-ZÆØÅ]{1,5})[ -]?(?:19|20)\d{2} ?[-–] ?\d{1,3}(?![\d\p{L}])(?![-–.]\d)/u;
const MIN_HEADER_LINES = 3;

/** The ID prefix of a line opening with an ID-shaped token, or null. */
function headerPrefix(text: string): string | null {
  const c = text.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || c === 198 || c === 216 || c === 197)) return null;
  return HEADER_TOKEN_RE.exec(text)?.[1] ?? null;
}

// "OPP2024-11" anywhere in a line (an annual report names assignments in prose, never as headers).
const TOKEN_ANYWHERE_RE =
  /(?<![\p{L}\d])([A-ZÆØÅ]{2,5})[ -]?(?:19|20)\d{2} ?[-–] ?\d{1,3}(?![\d\p{L}])(?![-–.]\d)/gu;

/**
 * Learn the document's ID prefixes from the tokens that open its lines; TB is always known. With
 * `anywhere`, tokens inside lines count too (two are enough): a report names assignments in its prose.
 */
export function learnIdScheme(lines: readonly { text: string }[], anywhere = false): IdScheme {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const p = headerPrefix(l.text);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
    else if (anywhere && /\d ?[-–] ?\d/.test(l.text))
      for (const m of l.text.matchAll(TOKEN_ANYWHERE_RE))
        counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + (MIN_HEADER_LINES + 1) / 2);
  }
  const baseCounts = new Map<string, number>();
  for (const [p, n] of counts) {
    // "TTB", "RTB", "TOPP": derived forms count for their base when the base opens lines too.
    const m = /^[RT]{1,2}/.exec(p);
    const base = m && counts.has(p.slice(m[0].length)) ? p.slice(m[0].length) : p;
    baseCounts.set(base, (baseCounts.get(base) ?? 0) + n);
  }
  const bases = [...DEFAULT_BASES];
  let main = DEFAULT_BASES[0]!;
  for (const [b, n] of baseCounts) {
    if (n < MIN_HEADER_LINES) continue;
    if (!bases.includes(b)) bases.push(b);
    if (n > (baseCounts.get(main) ?? 0)) main = b;
  }
  return idScheme(bases, main);
}

/** "TTB" for base "TB", "TOPP" for "OPP": the prefix of supplementary letters' assignments. */
export function isSupplementPrefix(prefix: string, scheme: IdScheme): boolean {
  return prefix.startsWith('T') && scheme.bases.includes(prefix.slice(1));
}

/** Split a normalised ID into prefix, year and number ("TOPP2022-5" → TOPP, 2022, "5"). */
export function idParts(id: string): { prefix: string; year: number; number: string } | null {
  const m = /^([A-ZÆØÅ]{1,7})(\d{4})-(.+)$/u.exec(id);
  return m ? { prefix: m[1]!, year: Number(m[2]), number: m[3]! } : null;
}

export interface ParsedId {
  id: string;
  prefix: string;
  year: number;
  number: string;
}

function normaliseIdMatch(m: RegExpExecArray | RegExpMatchArray): ParsedId {
  const prefix = m[1]!;
  const year = Number(m[2]);
  const number = m[3]! + (m[4] ? `/${m[4]}` : '');
  return { id: `${prefix}${year}-${number}`, prefix, year, number };
}

/** Normalise one ID written in any of the known spellings; null when the text holds none. */
export function normaliseId(text: string, scheme: IdScheme = DEFAULT_ID_SCHEME): string | null {
  const m = scheme.re.exec(text);
  return m ? normaliseIdMatch(m).id : null;
}

/** Every ID in a text, normalised, in order of appearance, with its index. */
export function findIds(
  text: string,
  scheme: IdScheme = DEFAULT_ID_SCHEME,
): Array<ParsedId & { index: number; length: number }> {
  const out: Array<ParsedId & { index: number; length: number }> = [];
  if (scheme.mayHold(text)) {
    for (const m of text.matchAll(scheme.globalRe)) {
      out.push({ ...normaliseIdMatch(m), index: m.index, length: m[0].length });
    }
  }
  if (text.includes('ID')) {
    const before = out.length;
    for (const m of text.matchAll(LABELLED_BARE_RE)) {
      const number = m[2]!;
      out.push({
        id: `${m[1]}-${number}`,
        prefix: '',
        year: Number(m[1]),
        number,
        index: m.index,
        length: m[0].length,
      });
    }
    if (out.length > before && before > 0) out.sort((a, b) => a.index - b.index);
  }
  return out;
}

/**
 * The ID cell that opens a header: one or more IDs separated by "/", "," or "og"
 * ("TB2023-35/ TB2021-45/ TTB2021-21", "TB2021-01, TB2021-31"), optionally behind "ID:" / "ID-" / "ID".
 */
const ID_LIST_SEP_RE = /^\s*(?:[/,;&]|\bog\b)\s*/;

export interface IdCell {
  ids: string[];
  /** A placeholder instead of a readable ID ("ukjent", "TB202x-", "RTB2020-", "TB2016"). */
  placeholder: string | null;
  /** Text after the ID cell. */
  rest: string;
  /** The cell ends in a dangling hyphen ("ID: TB2019-"): the number may follow on the next line. */
  open: boolean;
  /** Whether an "ID" label preceded the identifier. */
  labelled: boolean;
}

const UNKNOWN_RE = /^(?:ukjent|ukjend|ikke angitt|mangler|x+|\?+)(?![\p{L}\d])/iu;

/** Read the ID cell at the start of a header line; null when the line does not start with one. */
export function readIdCell(text: string, scheme: IdScheme = DEFAULT_ID_SCHEME): IdCell | null {
  let s = text;
  let labelled = false;
  const pm = scheme.labelRe.exec(s);
  if (pm && pm[0].length > 0) {
    labelled = true;
    s = s.slice(pm[0].length);
  }
  const ids: string[] = [];
  for (;;) {
    const m = scheme.re.exec(s);
    if (m?.index !== 0) break;
    ids.push(normaliseIdMatch(m).id);
    s = s.slice(m[0].length);
    const sep = ID_LIST_SEP_RE.exec(s);
    if (!sep) break;
    const after = s.slice(sep[0].length);
    const next = scheme.re.exec(after);
    if (next?.index !== 0) break;
    s = after;
  }
  if (ids.length > 0) {
    // "TB2021-" + newline + "42/TTB2021-79": a number that was cut off is read by the caller.
    return { ids, placeholder: null, rest: s.trim(), open: false, labelled };
  }
  const bare = labelled ? BARE_ID_RE.exec(s) : null;
  if (bare)
    return {
      ids: [`${bare[1]}-${bare[2]}`],
      placeholder: null,
      rest: s.slice(bare[0].length).trim(),
      open: false,
      labelled,
    };
  const unknown = UNKNOWN_RE.exec(s);
  if (labelled && unknown) {
    return { ids, placeholder: unknown[0], rest: s.slice(unknown[0].length).trim(), open: false, labelled };
  }
  const ph = scheme.placeholderRe.exec(s);
  if (ph) {
    const tail = s.slice(ph[0].length);
    // A bare prefix+year without a hyphen is only a placeholder when labelled ("ID: TB2016 …").
    if (!ph[2] && !labelled) return null;
    if (!ph[0].match(/[-–]$/) && !labelled) return null;
    return {
      ids,
      placeholder: ph[0].trim(),
      rest: tail.trim(),
      open: /[-–]$/.test(ph[0]) && /\d{4}/.test(ph[0]),
      labelled,
    };
  }
  return null;
}

/** Complete an ID cut at its hyphen with the next line ("TB2019-" + "7/TTB2019-38 …"). */
export function completeOpenId(
  placeholder: string,
  nextText: string,
  scheme: IdScheme = DEFAULT_ID_SCHEME,
): IdCell | null {
  if (!/^\d{1,3}/.test(nextText)) return null;
  const cell = readIdCell(placeholder.replace(/\s+/g, '') + nextText, scheme);
  if (!cell || cell.ids.length === 0) return null;
  return cell;
}

/** Prefix and year of a placeholder, when it shows them ("RTB2020-" → RTB, 2020). */
export function placeholderParts(placeholder: string): { prefix: string | null; year: number | null } {
  const m = /^([A-ZÆØÅ]{1,7})[ -]?(\d{4})?/u.exec(placeholder);
  return { prefix: m?.[1] ?? null, year: m?.[2] ? Number(m[2]) : null };
}
