/**
 * The owning ministry department of an assignment: "Avd.HOD: FHA", "Avd. KLD: SHA/KTA",
 * "Eieravdeling HOD: FHA", "Ansvarlig avdeling i HOD: SHA", "(ansvarlig avdeling: FRA, KLA)".
 * Any code of 2–5 capital letters is accepted; letters use their own codes and add new ones.
 */

const CODE_SRC = '[A-ZÆØÅ]{2,5}';

/**
 * The issuing ministry's abbreviation inside a label ("HOD", "KLD", "KD", "ASD", "KDD"): 2–6 capitals.
 * It is the caps token directly before the colon ("Avd. KLD: FHA"), or the first of two caps tokens
 * ("Avd. HOD SHA Ventetidsløftet"); a caps token after the colon is always a department code.
 */
export const MINISTRY_SRC = String.raw`[A-ZÆØÅ]{2,6}(?=\s*:|\s+${CODE_SRC}(?![\p{L}\d\-]))`;

/**
 * The label that opens a department slot, for any ministry: "Avd.HOD:", "Avd. KLD:", "Eieravdeling KD:",
 * "Eieravdeling" (ministry wrapped onto the next line), "Ansvarlig avdeling i ASD:", "ansvarlig avdeling:".
 * The short forms "Avd." / "Avdeling" need a ministry or a colon: "Avdeling HR og organisasjon" is prose.
 * Use with the 'u' flag.
 */
export const DEPT_LABEL_SRC = String.raw`(?:(?:[Ee]ieravdeling|[Aa]nsvarlig\s+[Aa]vd(?:eling|\.)?)(?:\s+i)?(?:\s*${MINISTRY_SRC})?|(?:[Aa]vd\.?|[Aa]vdeling)(?:\s+i)?(?:\s*${MINISTRY_SRC}|(?=\s*:)))`;
const DEPT_LABEL_RE = new RegExp(`^${DEPT_LABEL_SRC}\\s*:?\\s*`, 'u');
// A label wrapped after its first word: "Eieravdeling" + "HOD: KTA Rådgivende …", "… i" + "KLD: SHA".
const MINISTRY_AT_RE = new RegExp(String.raw`^(?:i\s+)?${MINISTRY_SRC}\s*:?\s*|^:\s*`, 'u');

/** Strip the ministry that opens a line continuing a wrapped label; the text unchanged when none. */
export function afterMinistry(text: string): string {
  const m = MINISTRY_AT_RE.exec(text);
  return m ? text.slice(m[0].length) : text;
}

const CODE_AT_RE = new RegExp(`^(${CODE_SRC})(?![\\p{L}\\d\\-@]|\\.[\\p{L}\\d])`, 'u');
// Codes are joined by "/", "," or "og": "SHA/KTA", "KTA, SHA, FHA, DIG", "SHA og KTA", "KTA/SHA/ FHA".
const SEP_RE = /^\s*(?:[/,&]|\bog\b|\band\b)\s*/;
const NOT_CODES = new Set(['ID', 'TB', 'TTB', 'RTB', 'OG']);

export interface DeptSlot {
  codes: string[];
  /** Text after the codes (the title in the inline layouts). */
  rest: string;
  /** The slot ends with a separator or holds no code: more codes may follow on the next line. */
  open: boolean;
}

/** Strip a department label; null when the text does not start with one. */
export function afterDeptLabel(text: string): string | null {
  const m = DEPT_LABEL_RE.exec(text);
  return m ? text.slice(m[0].length) : null;
}

/** Read codes from the start of a department slot (the label already removed). */
export function readCodes(text: string): DeptSlot {
  const codes: string[] = [];
  let s = text.trimStart();
  let open = true;
  for (;;) {
    const m = CODE_AT_RE.exec(s);
    if (!m || NOT_CODES.has(m[1]!)) break;
    codes.push(m[1]!);
    s = s.slice(m[0].length);
    open = false;
    // "SHA og KTA (pkt. 1)": a note on which part each department owns.
    const note = /^\s*\((?:pkt|punkt|del|deloppdrag)[^)]{0,20}\)/i.exec(s);
    if (note) s = s.slice(note[0].length);
    const sep = SEP_RE.exec(s);
    if (!sep) break;
    const after = s.slice(sep[0].length);
    const next = CODE_AT_RE.exec(after);
    if (!next || NOT_CODES.has(next[1]!)) {
      // "KTA,  Opptrappingsplan …": a dangling separator, then the title.
      s = after;
      open = after.trim() === '';
      break;
    }
    s = after;
  }
  return { codes, rest: s.trim(), open: open || codes.length === 0 };
}

/**
 * A line that holds nothing but (more) department codes, as when a narrow table cell wraps:
 * "SHA, FHA, DIG", "og KTA", "KTA/SHA/ FHA", "SHA/" + "KTA".
 */
export function codesOnlyLine(text: string): string[] | null {
  const s = text.replace(/^\s*(?:[/,&]|og\b)\s*/, '');
  const slot = readCodes(s);
  if (slot.codes.length === 0) return null;
  if (slot.rest !== '' && !/^[/,]$/.test(slot.rest)) return null;
  return slot.codes;
}

/** A whole line naming the department, as supplementary letters print it after the body. */
export function deptLine(text: string): string[] | null {
  const after = afterDeptLabel(text);
  if (after === null) return null;
  const slot = readCodes(after);
  if (slot.codes.length === 0 || slot.rest.replace(/[.\s]/g, '') !== '') return null;
  return slot.codes;
}
