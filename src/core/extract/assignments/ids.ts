/**
 * Assignment identifiers as printed ("TB2024-07", "TTB2022-19", "RTB2020-17") and their irregular
 * spellings: "TB-2021-29", "TB 2022-53", "TB2022 –21", "ID-TB2021-45", a sub-part "TB2020-57/2", an
 * ID split over two lines ("ID: TB2019-" + "7/TTB2019-38"), placeholders ("ID: ukjent", "TB202x-").
 */

/**
 * One printed ID. The separators between prefix, year and number may be a space, hyphen or en dash
 * ("TB 2022-53", "TB-2021-29", "TB2022 –21"). A trailing "/2" (not followed by another ID) names a
 * sub-part of an older assignment ("TB2020-57/2").
 */
const ID_SRC = String.raw`(?<![\p{L}\d])(R?T?TB)[ \-]?(\d{4}) ?[-–] ?(\d{1,3}(?:\.\d{1,2})?)(?:\/(\d{1,2})(?![\d\-–.]))?(?![\p{L}\d])`;
export const ID_RE = new RegExp(ID_SRC, 'u');
export const ID_GLOBAL_RE = new RegExp(ID_SRC, 'gu');

export interface ParsedId {
  id: string;
  prefix: string;
  year: number;
  number: string;
}

export function normaliseIdMatch(m: RegExpExecArray | RegExpMatchArray): ParsedId {
  const prefix = m[1]!;
  const year = Number(m[2]);
  const number = m[3]! + (m[4] ? `/${m[4]}` : '');
  return { id: `${prefix}${year}-${number}`, prefix, year, number };
}

/** Normalise one ID written in any of the known spellings; null when the text holds none. */
export function normaliseId(text: string): string | null {
  const m = ID_RE.exec(text);
  return m ? normaliseIdMatch(m).id : null;
}

/** Every ID in a text, normalised, in order of appearance, with its index. */
export function findIds(text: string): Array<ParsedId & { index: number; length: number }> {
  const out: Array<ParsedId & { index: number; length: number }> = [];
  if (!text.includes('TB')) return out;
  for (const m of text.matchAll(ID_GLOBAL_RE)) {
    out.push({ ...normaliseIdMatch(m), index: m.index, length: m[0].length });
  }
  return out;
}

/**
 * The ID cell that opens a header: one or more IDs separated by "/", "," or "og"
 * ("TB2023-35/ TB2021-45/ TTB2021-21", "TB2021-01, TB2021-31"), optionally behind "ID:" / "ID-" / "ID".
 */
const ID_PREFIX_RE = /^(?:ID\b\s*[:.\-–]?\s*|ID(?=[-–]?R?T?TB))[-–]?/;
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

// "TB202x-", "RTB2020-", "TB2016", "TTB2021-" (number missing): something ID-shaped but unreadable.
const PLACEHOLDER_RE = /^(R?T?TB)[ -]?(\d{3}[\dxX]|\d{2}xx)?(?: ?[-–])?(?![\p{L}\d])/u;
const UNKNOWN_RE = /^(?:ukjent|ukjend|ikke angitt|mangler|x+|\?+)(?![\p{L}\d])/iu;

/** Read the ID cell at the start of a header line; null when the line does not start with one. */
export function readIdCell(text: string): IdCell | null {
  let s = text;
  let labelled = false;
  const pm = ID_PREFIX_RE.exec(s);
  if (pm && pm[0].length > 0) {
    labelled = true;
    s = s.slice(pm[0].length);
  }
  const ids: string[] = [];
  for (;;) {
    const m = ID_RE.exec(s);
    if (m?.index !== 0) break;
    ids.push(normaliseIdMatch(m).id);
    s = s.slice(m[0].length);
    const sep = ID_LIST_SEP_RE.exec(s);
    if (!sep) break;
    const after = s.slice(sep[0].length);
    const next = ID_RE.exec(after);
    if (next?.index !== 0) break;
    s = after;
  }
  if (ids.length > 0) {
    // "TB2021-" + newline + "42/TTB2021-79": a number that was cut off is read by the caller.
    return { ids, placeholder: null, rest: s.trim(), open: false, labelled };
  }
  const unknown = UNKNOWN_RE.exec(s);
  if (labelled && unknown) {
    return { ids, placeholder: unknown[0], rest: s.slice(unknown[0].length).trim(), open: false, labelled };
  }
  const ph = PLACEHOLDER_RE.exec(s);
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
export function completeOpenId(placeholder: string, nextText: string): IdCell | null {
  if (!/^\d{1,3}/.test(nextText)) return null;
  const cell = readIdCell(placeholder.replace(/\s+/g, '') + nextText);
  if (!cell || cell.ids.length === 0) return null;
  return cell;
}

/** Prefix and year of a placeholder, when it shows them ("RTB2020-" → RTB, 2020). */
export function placeholderParts(placeholder: string): { prefix: string | null; year: number | null } {
  const m = /^(R?T?TB)[ -]?(\d{4})?/.exec(placeholder);
  return { prefix: m?.[1] ?? null, year: m?.[2] ? Number(m[2]) : null };
}
