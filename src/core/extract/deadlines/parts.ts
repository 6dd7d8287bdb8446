/**
 * Which sub-task a deadline belongs to. Labels follow the letters' own numbering:
 * "deloppdrag b) og c)" → "b", "c"; "oppdrag 1-3" → "1", "2", "3"; "(pkt. 1)" → "1"; "del 2" → "Del 2";
 * a parenthesised name next to the date → that name ("30.09.25 (mandat)" → "mandat").
 */

export interface PartMarker {
  start: number;
  end: number;
  labels: string[];
  /** "for oppdrag 4", "(pkt. 1)", "(mandat)": these follow the date they belong to. */
  trailing: boolean;
  /** A parenthesised name: it must touch its date. */
  paren: boolean;
}

const ITEM = String.raw`(?:\d{1,2}|[a-zæøå]\))`;
const LIST = String.raw`${ITEM}(?:\s*(?:,|og|-|–|til)\s*${ITEM})*`;
const OPPDRAG = new RegExp(
  String.raw`(?<![\p{L}])(for\s+)?(?:del)?oppdrag(?:ene)?\s+(${LIST})(?![\p{L}\d-])`,
  'giu',
);
const DEL = new RegExp(String.raw`(?<![\p{L}])(for\s+)?del\s+(${LIST})(?![\p{L}\d-])`, 'giu');
const PKT = /(?<![\p{L}])(\()?(?:pkt\.?|punkt)\s*(\d{1,2})(?![\d.,]\d)(\))?/giu;
const PAREN = /\(([\p{L}][\p{L} ]{1,38}[\p{L}])\)/gu;

/** "b) og c)" → b, c; "d) til f)" → d, e, f; "1-3" → 1, 2, 3. */
function expandList(list: string): string[] {
  const items = list.split(/\s*(?:,|\bog\b)\s*/u).filter((s) => s.length > 0);
  const out: string[] = [];
  for (const item of items) {
    const range = /^(\d{1,2}|[a-zæøå])\)?\s*(?:-|–|til)\s*(\d{1,2}|[a-zæøå])\)?$/iu.exec(item);
    if (range) {
      const a = range[1] ?? '';
      const b = range[2] ?? '';
      const numeric = /\d/u.test(a);
      const from = numeric ? Number(a) : a.toLowerCase().charCodeAt(0);
      const to = numeric ? Number(b) : b.toLowerCase().charCodeAt(0);
      if (to >= from && to - from < 26) {
        for (let i = from; i <= to; i++) out.push(numeric ? String(i) : String.fromCharCode(i));
        continue;
      }
    }
    const one = item.replace(/\)$/u, '').trim().toLowerCase();
    if (one.length > 0) out.push(one);
  }
  return [...new Set(out)];
}

/** Part markers in `text[from, to)`, ordered by position. */
export function findPartMarkers(text: string, from: number, to: number): PartMarker[] {
  const slice = text.slice(from, to);
  const out: PartMarker[] = [];
  const marker = (m: RegExpExecArray, labels: string[], trailing: boolean, paren = false): PartMarker => ({
    start: from + m.index,
    end: from + m.index + m[0].length,
    labels,
    trailing,
    paren,
  });
  for (const m of slice.matchAll(OPPDRAG)) {
    const labels = expandList(m[2] ?? '');
    if (labels.length > 0) out.push(marker(m, labels, m[1] !== undefined));
  }
  for (const m of slice.matchAll(DEL)) {
    if (out.some((o) => o.start <= from + m.index && from + m.index < o.end)) continue;
    const labels = expandList(m[2] ?? '').map((l) => `Del ${l}`);
    out.push(marker(m, labels, m[1] !== undefined));
  }
  for (const m of slice.matchAll(PKT)) out.push(marker(m, [m[2] ?? ''], m[1] !== undefined));
  for (const m of slice.matchAll(PAREN)) {
    const inner = m[1] ?? '';
    if (/^(?:pkt|punkt)\b/iu.test(inner)) continue;
    out.push(marker(m, [inner.trim()], true, true));
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface DatedSpan {
  start: number;
  end: number;
}

/**
 * Labels for each date of a clause. A marker between two dates belongs to the earlier one when it trails
 * it ("15. mars for oppdrag 4; 15. november 2025 for oppdrag 1-3", "30.09.25 (mandat) og …") and to the
 * later one otherwise ("del 1 innen 31. desember 2022 og del 2 innen 15. mars 2023"). A parenthesised name
 * counts only when it touches its date. `labels` is null for a date without a marker; `afterEnd` is where
 * a trailing marker claimed by the date ends (0 when none), so the next phrase starts after it.
 */
export function assignParts(
  text: string,
  clause: { start: number; end: number },
  dates: readonly DatedSpan[],
): Array<{ labels: string[] | null; afterEnd: number }> {
  const markers = findPartMarkers(text, clause.start, clause.end);
  const result = dates.map(() => ({ labels: null as string[] | null, afterEnd: 0 }));
  if (markers.length === 0) return result;
  const claimed = new Set<PartMarker>();
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (!d) continue;
    const prevEnd = i > 0 ? (dates[i - 1]?.end ?? clause.start) : clause.start;
    const nextStart = i + 1 < dates.length ? (dates[i + 1]?.start ?? clause.end) : clause.end;
    const before = markers.filter(
      (m) =>
        !claimed.has(m) &&
        m.start >= prevEnd &&
        m.end <= d.start &&
        (!m.paren || text.slice(m.end, d.start).trim() === ''),
    );
    const after = markers.find(
      (m) =>
        m.trailing &&
        m.start >= d.end &&
        m.end <= nextStart &&
        (!m.paren || text.slice(d.end, m.start).trim() === ''),
    );
    const chosen = before[before.length - 1] ?? after;
    if (after) claimed.add(after);
    result[i] = { labels: chosen ? chosen.labels : null, afterEnd: after ? after.end : 0 };
  }
  return result;
}
