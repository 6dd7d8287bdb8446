/**
 * Earmarked sub-allocations in a budget row's comment: "26,52 mill. kr til kommunikasjon om levevaner",
 * "1 mill. kr er satt av til …", "2,7 mill. kr er øremerket arbeidet med standarder".
 *
 * Nesting rule (so that nothing is counted twice). The comment is cut into items: paragraphs, and list
 * items ("- 2 mill. kr til …", "• 3,3 mill. kroner til …"). Within an item the first allocation is
 * top-level; a later one is nested in it when
 *   - a nesting word stands between them ("hvorav", "herunder", "inkludert", "herav", "derav", "av dette",
 *     "fordeles med", "fordelt på", "bl.a."): "35,3 mill. kr til pasientens legemiddelliste, hvorav minst
 *     10 mill. kr …", or
 *   - the item is a list item: a bullet's later amounts detail the bullet's allocation ("- 25,1 mill. kroner
 *     til … Tildelingen dekker 2,4 mill. kroner knyttet til …").
 * An item that opens with "Av dette", "Herav", "Hvorav" or "Herunder" nests all its amounts in the previous
 * top-level allocation. When one top-level allocation restates the whole row ("9,0 mill. kroner i tilskudd
 * til …" on a 9 000 row): if the others add up to the row too it is a heading and is dropped ("tildeles
 * totalt 103,7 mill. kroner fordelt på følgende tiltak: - 28 mill. …"), otherwise the others are its parts.
 * Only top-level allocations are returned; nested ones stay in their parent's text. Their sum is what is
 * checked against the row amount.
 *
 * Nested allocations are checked against their own parent, never against the row: "40 mill. kroner til
 * farleder, hvorav 12 mill. kroner til Bodø havn, hvorav 5 mill. kroner til mudring" nests 5 in 12 and 12
 * in 40 (a nesting word before each); "…, hvorav 12 mill. kroner til A og 30 mill. kroner til B" makes 12
 * and 30 both parts of 40. Parts that add up to more than their parent are reported (`overdrawn`).
 */
import { type MoneyPhrase, moneyPhrases } from './amounts.js';

export interface Earmark {
  amount: number;
  text: string;
}

export interface EarmarkReading {
  earmarks: Earmark[];
  /** Sum of the top-level earmarks in kroner. */
  sum: number;
  /** The rounding the printed figures allow, in kroner. */
  tolerance: number;
  /** The comment says its allocations are complete ("fordeles slik", "fordelt på følgende", "herav"). */
  claimsComplete: boolean;
  /** Allocations whose own parts ("hvorav …") add up to more than they are. */
  overdrawn: Array<{ amount: number; text: string; parts: number }>;
}

// What follows an allocation: "til", "for å", "er øremerket", "knyttet til", up to three words later.
const ALLOCATION_AFTER_RE =
  /^\.?\s*(?:(?:[\p{Ll}\p{Lu}][\p{L}-]*|\(\p{L}+\)),?\s+){0,3}?(?:til\b|for\s+å(?![\p{L}])|tilskudd\b)|^\.?\s*(?:er\s+|blir\s+|skal\s+)?øremerke[ts]?\b/u;
const NEST_WORD_RE =
  /\b(?:hvorav|herunder|inkludert|inklusive|herav|derav|av\s+dette|av\s+disse|fordeles\s+med|fordelt\s+med|bl\.\s?a\.|blant\s+annet)\b/iu;
const ITEM_NESTS_PREVIOUS_RE = /^(?:av\s+dette|av\s+disse|herav|hvorav|herunder|derav)\b/iu;
const BULLET_RE = /^(?:[-–•✓o]|\d{1,2}\)|[a-z]\))\s+/u;
const CLAIMS_COMPLETE_RE =
  /\bfordel(?:es|t)\s+(?:slik|som\s+følger|på\s+følgende)|\bherav\s*:|\bfordelingen\s+er\s*:|\bfordelt\s+slik/iu;

interface Item {
  text: string;
  bullet: boolean;
  /** A later sentence of a list item: its amounts detail the item's allocation. */
  bulletTail: boolean;
}

// Abbreviations whose period does not end a sentence ("2,7 mill. kr", "jf. oppdrag", "Meld. St. 15").
const ABBREVIATIONS = new Set([
  'mill',
  'mrd',
  'kr',
  'jf',
  'nr',
  'pkt',
  'bl.a',
  'm.v',
  'mv',
  'ca',
  'inkl',
  'ifm',
  'st',
  'prop',
  'meld',
  'kap',
  'ref',
  'dvs',
  'evt',
  'ev',
  'f.eks',
  'iht',
  'vedr',
  'ang',
  'avd',
  'pst',
  'jfr',
  'bl',
  'a',
  'm',
]);

/** Split a paragraph at sentence ends: a period after a word that is not an abbreviation or a number. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/[.!?]\s+(?=[\p{Lu}\d«"])/gu)) {
    let k = m.index;
    while (k > last && !/\s/.test(text[k - 1] ?? ' ')) k--;
    const raw = text.slice(k, m.index);
    const word = raw.toLowerCase().replace(/[)»"]+$/u, '');
    if (ABBREVIATIONS.has(word) || word.length <= 1) continue;
    const end = m.index + m[0].length;
    out.push(text.slice(last, end).trim());
    last = end;
  }
  out.push(text.slice(last).trim());
  return out.filter((s) => s !== '');
}

/** Cut a comment into paragraphs, list items and sentences. */
function items(comment: string): Item[] {
  const out: Item[] = [];
  for (const para of comment.split('\n')) {
    // List items inside one paragraph: " - " or " • " before a new item.
    for (const piece of para.split(/\s+(?=[-–•]\s+(?:\d|\p{Lu}))/u)) {
      const bullet = BULLET_RE.test(piece.trim());
      sentences(piece).forEach((text, k) => {
        out.push({ text, bullet: bullet && k === 0, bulletTail: bullet && k > 0 });
      });
    }
  }
  return out;
}

/** Drop trailing spaces, commas, semicolons and dashes (a loop: an end-anchored regex backtracks). */
function trimSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s,;–-]/u.test(text[end - 1] ?? '')) end--;
  return text.slice(0, end).trim();
}

interface Found {
  phrase: MoneyPhrase;
  item: number;
  nested: boolean;
  text: string;
  /** Index in `found` of the top-level allocation a nested one belongs to. */
  parent: number;
  /** Nested by a nesting word in its own sentence ("hvorav", "herav"), not by a list's layout. */
  explicit: boolean;
}

/**
 * "fordelt på følgende tiltak:" claims that the allocations after it cover the row, but only when it
 * stands before the first of them: "13 mill. kroner til … Midlene fordeles slik:" speaks of the 13 mill.
 */
function claimsComplete(comment: string, list: readonly Item[], found: readonly Found[]): boolean {
  if (!/fordel|herav/i.test(comment)) return false;
  const first = found[0];
  const before = first
    ? [
        ...list.slice(0, first.item).map((it) => it.text),
        (list[first.item]?.text ?? '').slice(0, first.phrase.index),
      ].join(' ')
    : comment;
  return CLAIMS_COMPLETE_RE.test(before);
}

export function readEarmarks(comment: string | null, rowAmount: number | null): EarmarkReading {
  const empty: EarmarkReading = { earmarks: [], sum: 0, tolerance: 0, claimsComplete: false, overdrawn: [] };
  if (!comment) return empty;
  const found: Found[] = [];
  const list = items(comment);
  let lastTop = -1;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!item) continue;
    const phrases = moneyPhrases(item.text).filter((p) =>
      ALLOCATION_AFTER_RE.test(item.text.slice(p.index + p.length, p.index + p.length + 60)),
    );
    const nestsPrevious = (item.bulletTail || ITEM_NESTS_PREVIOUS_RE.test(item.text)) && lastTop >= 0;
    let firstInItem: MoneyPhrase | null = null;
    for (let k = 0; k < phrases.length; k++) {
      const p = phrases[k];
      if (!p) continue;
      let nested = nestsPrevious;
      let explicit = false;
      if (!nested && firstInItem) {
        const between = item.text.slice(firstInItem.index + firstInItem.length, p.index);
        explicit = !item.bullet && !item.bulletTail && NEST_WORD_RE.test(between);
        nested = item.bullet || NEST_WORD_RE.test(between) || found.at(-1)?.nested === true;
      }
      if (!firstInItem) firstInItem = p;
      // The direct parent: a nested amount right before, when a nesting word stands between the two
      // ("12 mill. kroner til A, hvorav 5 mill. kroner …"); else the parent of that amount (a sibling).
      let parent = nested ? lastTop : -1;
      const prev = found.at(-1);
      if (nested && prev?.nested && prev.item === i) {
        const gap = item.text.slice(prev.phrase.index + prev.phrase.length, p.index);
        parent = NEST_WORD_RE.test(gap) ? found.length - 1 : prev.parent;
      }
      found.push({ phrase: p, item: i, nested, text: '', parent, explicit });
      if (!nested) lastTop = found.length - 1;
    }
  }
  // Each top-level allocation's text runs from its amount to the next top-level one in the same item.
  for (let f = 0; f < found.length; f++) {
    const cur = found[f];
    if (!cur || cur.nested) continue;
    const itemText = list[cur.item]?.text ?? '';
    let end = itemText.length;
    for (let g = f + 1; g < found.length; g++) {
      const next = found[g];
      if (!next || next.item !== cur.item) break;
      if (!next.nested) {
        end = next.phrase.index;
        break;
      }
    }
    cur.text = trimSeparators(itemText.slice(cur.phrase.index, end));
    // An item that opens with "Av dette …" belongs to its parent: keep it in the parent's text.
  }
  for (let f = 0; f < found.length; f++) {
    const cur = found[f];
    if (!cur?.nested || cur.item === found[f - 1]?.item) continue;
    const parent = found[cur.parent];
    if (parent) parent.text = `${parent.text} ${list[cur.item]?.text ?? ''}`.trim();
  }
  let top = found.filter((f) => !f.nested);
  if (rowAmount !== null && rowAmount !== 0 && top.length > 1) {
    const whole = top.find((f) => f.phrase.kroner === rowAmount);
    if (whole) {
      const others = top.filter((f) => f !== whole);
      const othersSum = others.reduce((s, f) => s + f.phrase.kroner, 0);
      const othersTol = others.reduce((s, f) => s + f.phrase.tolerance, 0);
      if (Math.abs(othersSum - rowAmount) <= othersTol) top = others;
      else {
        // The parts stay readable in the whole's text ("Minst 1 mill. kroner settes av til …").
        for (const o of others) {
          const part = o.item === whole.item ? o.text : (list[o.item]?.text ?? o.text);
          if (!whole.text.includes(part)) whole.text = `${whole.text} ${part}`;
        }
        top = [whole];
      }
    }
  }
  const earmarks = top.map((f) => ({ amount: f.phrase.kroner, text: f.text }));
  return {
    earmarks,
    sum: top.reduce((s, f) => s + f.phrase.kroner, 0),
    tolerance: top.reduce((s, f) => s + f.phrase.tolerance, 0),
    claimsComplete: claimsComplete(comment, list, found),
    overdrawn: overdrawn(found, list),
  };
}

/** Parents whose nested parts add up to more than they are, beyond the rounding the figures allow. */
function overdrawn(found: readonly Found[], list: readonly Item[]): EarmarkReading['overdrawn'] {
  const sums = new Map<number, { sum: number; tolerance: number }>();
  for (const f of found) {
    if (!f.nested || !f.explicit || f.parent < 0) continue;
    const s = sums.get(f.parent) ?? { sum: 0, tolerance: 0 };
    s.sum += f.phrase.kroner;
    s.tolerance += f.phrase.tolerance;
    sums.set(f.parent, s);
  }
  const out: EarmarkReading['overdrawn'] = [];
  for (const [k, s] of sums) {
    const parent = found[k];
    if (!parent) continue;
    if (s.sum - parent.phrase.kroner <= s.tolerance + parent.phrase.tolerance) continue;
    const itemText = list[parent.item]?.text ?? '';
    const text = trimSeparators(itemText.slice(parent.phrase.index)).slice(0, 80);
    out.push({ amount: parent.phrase.kroner, text, parts: s.sum });
  }
  return out;
}

/**
 * Do the earmarks claim to cover the whole row? Yes when the comment says so, or when they add up to
 * within a tenth of the row amount (a near miss is far more likely a typo than a coincidence).
 */
export function earmarksCoverRow(reading: EarmarkReading, rowAmount: number | null): boolean {
  if (rowAmount === null || rowAmount <= 0 || reading.earmarks.length === 0) return false;
  if (reading.claimsComplete) return true;
  if (reading.earmarks.length < 2) return reading.sum === rowAmount;
  return Math.abs(reading.sum - rowAmount) <= rowAmount * 0.1;
}

/** The earmarks add up to the row amount, allowing the rounding of their printed figures. */
export function earmarksAddUp(reading: EarmarkReading, rowAmount: number): boolean {
  return Math.abs(reading.sum - rowAmount) <= reading.tolerance;
}
