/**
 * Headers that do not start their line. Text re-wrapped at another width can pull a header onto the end
 * of the line before it:
 * - "… Frist: 31.12.2025 TB2025-11 Avd. HOD: FHA Innføring av …" (ID and department label together),
 * - "… kjever/tannanlegg. ID: TTB2021-" + next line "70 Eieravdeling HOD: SHA …" or an ID list ending a
 *   line whose next line opens with the department label,
 * - "… er utført. Ansvarlig avdeling: KTA TTB2021-11 Ansvar for …" (a supplementary letter's department
 *   line with the next assignment after it).
 * Such lines are split into logical lines that keep the source line number.
 */
import type { Line } from '../../text/lines.js';
import { DEPT_LABEL_SRC, MINISTRY_SRC } from './departments.js';
import { DEFAULT_ID_SCHEME, type IdScheme } from './ids.js';

const CODES = String.raw`[A-ZÆØÅ]{2,5}(?:\s*[/,]\s*[A-ZÆØÅ]{2,5}){0,8}`;
// A header names a few IDs ("TB2019-78/TTB2021-65"); an unbounded list inside a pattern tried at every
// space would rescan a long run of IDs from each position (quadratic on a line of 10 000 IDs).
const MAX_MORE_IDS = '{0,8}';

interface Splitters {
  mid: RegExp;
  trailer: RegExp;
  idOnly: RegExp;
  endId: RegExp;
}

const cache = new WeakMap<IdScheme, Splitters>();

/** The split patterns for the document's ID prefixes ("TB2024-3", "OPP2024-3"). */
function splitters(scheme: IdScheme): Splitters {
  const cached = cache.get(scheme);
  if (cached) return cached;
  const prefix = `[RT]{0,2}(?:${scheme.bases.join('|')})`;
  const ID = String.raw`${prefix}[ \-]?\d{4} ?[-–] ?\d{1,3}`;
  const built: Splitters = {
    mid: new RegExp(
      String.raw`(?<!\bID\s*[:\-]?)\s(?=(?:ID\s*[:\-]?\s*)?${ID}(?:\s*[,/]\s*${ID})${MAX_MORE_IDS}\s+${DEPT_LABEL_SRC}(?![\p{L}]))`,
      'u',
    ),
    trailer: new RegExp(
      String.raw`(?:^|\s)(Ansvarlig\s+avdeling(?:\s+i)?(?:\s+${MINISTRY_SRC})?\s*:?\s*${CODES}\.?)(?=\s*$|\s+((?:ID\s*:?\s*)?${ID}\s)?)`,
      'u',
    ),
    idOnly: new RegExp(String.raw`^(?:ID\s*[:\-]?\s*)?${ID}(?:\s*[,/]\s*${ID})*$`, 'u'),
    // An ID cell ending the line, possibly cut at its hyphen: "… ID: RTB2020-", "… TB2019- 78/TTB2021-65".
    endId: new RegExp(
      String.raw`(?<!\bID\s*[:\-]?)\s((?:ID\s*[:\-]?\s*)?${prefix}[ \-]?\d{4} ?[-–](?: ?\d{1,3}(?:\.\d{1,2})?(?:\s*[,/]\s*${ID})${MAX_MORE_IDS})?)\s*$`,
      'u',
    ),
  };
  cache.set(scheme, built);
  return built;
}
const DEPT_START_RE = new RegExp(`^${DEPT_LABEL_SRC}`, 'u');

function splitOne(text: string, nextStartsDept: boolean, re: Splitters): string[] | null {
  const t = re.trailer.exec(text);
  // "… er utført. Ansvarlig avdeling: KTA Helse- og omsorgstjenester": the department line of a
  // supplementary letter, run together with what surrounds it. Not when an ID cell precedes it: then
  // "Ansvarlig avdeling: SHA Title" is the department slot of a header.
  const before = t ? text.slice(0, t.index).trim() : '';
  const after = t ? text.slice(t.index + t[0].length).trim() : '';
  const splits =
    t !== null && !re.idOnly.test(before) && (before !== '' ? true : after !== '' && t[2] !== undefined);
  if (t && splits) {
    const start = t.index + (t[0].length - t[1]!.length);
    const parts = [text.slice(0, start).trim(), t[1]!, text.slice(t.index + t[0].length).trim()];
    return parts.filter((p) => p !== '');
  }
  const m = re.mid.exec(text);
  if (m && m.index > 0) return [text.slice(0, m.index).trimEnd(), text.slice(m.index).trimStart()];
  if (nextStartsDept) {
    const e = re.endId.exec(text);
    if (e && e.index > 0) return [text.slice(0, e.index).trimEnd(), e[1]!];
  }
  return null;
}

function nextText(lines: readonly Line[], i: number): string {
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
    const t = lines[j]!.text;
    if (t !== '' && !/^\d{1,3}\t\s*$/.test(t)) return t;
  }
  return '';
}

export function splitInlineHeaders(
  lines: readonly Line[],
  scheme: IdScheme = DEFAULT_ID_SCHEME,
): readonly Line[] {
  const re = splitters(scheme);
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const text = l.text;
    let pieces: string[] | null = null;
    if (text.length > 12 && !text.includes('\t') && (text.includes('vd') || scheme.mayHold(text))) {
      const deptNext = DEPT_START_RE.test(nextText(lines, i));
      let rest = text;
      for (let guard = 0; guard < 5; guard++) {
        const s = splitOne(rest, deptNext, re);
        if (!s || s.length < 2) break;
        pieces ??= [];
        pieces.push(...s.slice(0, -1));
        rest = s[s.length - 1]!;
      }
      if (pieces) pieces.push(rest);
    }
    if (pieces) {
      out ??= lines.slice(0, i);
      pieces.forEach((p, k) => {
        out!.push({ ...l, text: p, pageStart: l.pageStart && k === 0, footer: false });
      });
    } else if (out) out.push(l);
  }
  return out ?? lines;
}
