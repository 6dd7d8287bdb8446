/**
 * The labelled item lists under a goal: "Vurderingskriterier:", "Styringsparametere:", "Nøkkeltall:"
 * (or the 2025 subsection headings "3.1.1. Styringsparametere"), each followed by bullets or numbered
 * items that may wrap over several lines and may nest ("i." with "a.", "b."; "•" with "o").
 *
 * Older letters: "Resultatmål:" lists the results by which a goal is judged (read as criteria), and a
 * steering parameter carries its target on the next line, "a) Antall grunnstøtinger …" /
 * "Prestasjonskrav: Færre enn 40 i 2026." — the target joins the parameter's text.
 */
import type { TextItem } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';

export type ItemKind = 'criteria' | 'steeringParameters' | 'keyFigures';

export interface GoalItems {
  criteria: TextItem[];
  steeringParameters: TextItem[];
  keyFigures: TextItem[];
  /** Index of the last line that belonged to an item list, or -1. */
  lastIndex: number;
}

const LABEL_RE =
  /^(?:\d{1,2}(?:\.\d{1,2}){0,4}\.?\s+)?(Vurderingskriteri(?:er|um|ene)|Resultatmål(?:ene)?|Styringsparamet(?:e|)re(?:ne)?|Nøkkeltall(?:ene)?)\s*:?$/;
// The target printed under a steering parameter.
const TARGET_RE =
  /^(?:Prestasjonskrav|Resultatkrav|Målkrav|Ambisjonsnivå|Målverdi|Måltall)\s*(?:for\s+\d{4}\s*)?:/iu;
// "- ", "• ", "– ", "✓ " bullets; "o " is the second-level bullet of Word exports.
const BULLET_RE = /^(?:[-•–✓▪]|o(?= \p{Lu}))\s+/u;
const ROMAN_RE = /^([ivx]{1,5})[.)]\s+/;
const LETTER_RE = /^([a-h])[.)]\s+/;
const NUMBER_RE = /^(\d{1,2})[.)]\s+/;
// A line wrapped after these words continues on the next line even if that starts with a capital:
// "… i felles søknadsskjema som behandles av" + "Helsedirektoratet".
const DANGLING_RE =
  /(?:(?:^|\s)(?:av|og|i|til|for|med|om|på|fra|ved|som|samt|eller|mellom|under|innen|etter|gjennom)|,)$/;

function labelKind(text: string): ItemKind | null {
  const m = LABEL_RE.exec(text);
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  if (w.startsWith('vurdering') || w.startsWith('resultat')) return 'criteria';
  if (w.startsWith('styring')) return 'steeringParameters';
  return 'keyFigures';
}

type Marker = 'bullet' | 'subbullet' | 'roman' | 'letter' | 'number';

interface Start {
  marker: Marker;
  text: string;
}

/** The item a line starts, with its bullet removed and its enumerator ("i.", "a.") kept. */
function itemStart(text: string): Start | null {
  let rest = text;
  let marker: Marker | null = null;
  const b = BULLET_RE.exec(rest);
  if (b) {
    marker = b[0].startsWith('o') ? 'subbullet' : 'bullet';
    rest = rest.slice(b[0].length);
  }
  if (ROMAN_RE.test(rest)) return { marker: 'roman', text: rest };
  if (LETTER_RE.test(rest)) return { marker: 'letter', text: rest };
  if (NUMBER_RE.test(rest)) return { marker: 'number', text: rest };
  return marker ? { marker, text: rest } : null;
}

/** Nested markers fold into the item above: "a." under "i." or "•", "o" under "•". */
function nests(child: Marker, parent: Marker): boolean {
  if (child === 'letter') return parent === 'roman' || parent === 'bullet';
  return child === 'subbullet' && parent !== 'subbullet';
}

/**
 * Read every labelled item list between line indices `from` and `to` (inclusive). Lines that are
 * neither items, continuations nor labels end the current list.
 */
/** One item list being read: items, nesting and wrapped lines. */
class ItemList {
  readonly items: TextItem[] = [];
  /** Source line each item ends on (items wrap over lines). */
  readonly lastLines = new Map<TextItem, number>();
  private parent: { item: TextItem; marker: Marker } | null = null;
  private lastText = '';

  /** Take the line if it starts, nests in or continues an item; false when it ends the list. */
  take(line: Line): boolean {
    const text = line.text;
    if (this.parent !== null && TARGET_RE.test(text)) {
      this.parent.item.text += ` – ${text}`;
      this.lastText = text;
      this.lastLines.set(this.items[this.items.length - 1]!, line.no);
      return true;
    }
    const start = itemStart(text);
    if (start) {
      if (this.parent && nests(start.marker, this.parent.marker)) {
        this.parent.item.text += ` ${start.text}`;
      } else {
        const item = { text: start.text, line: line.no };
        this.items.push(item);
        this.parent = { item, marker: start.marker };
      }
      this.lastText = text;
      this.lastLines.set(this.items[this.items.length - 1]!, line.no);
      return true;
    }
    const continues =
      this.parent !== null &&
      !text.includes('\t') &&
      (/^[\p{Ll}\d(«]/u.test(text) || (DANGLING_RE.test(this.lastText) && text.length <= 80));
    if (!continues) return false;
    this.parent!.item.text += ` ${text}`;
    this.lastText = text;
    this.lastLines.set(this.items[this.items.length - 1]!, line.no);
    return true;
  }

  finish(): TextItem[] {
    for (const item of this.items) item.text = item.text.replace(/\s+/g, ' ').trim();
    return this.items;
  }
}

/**
 * The bullet or numbered items between line indices `from` and `to`, skipping prose before them, each
 * with the source line it ends on.
 */
export function readItems(
  lines: readonly Line[],
  from: number,
  to: number,
  mode: 'first-list' | 'all-lists' = 'first-list',
): Array<{ item: TextItem; last: number }> {
  let list = new ItemList();
  const done: ItemList[] = [];
  for (let i = from; i <= to && i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '' || list.take(line) || list.items.length === 0) continue;
    if (mode === 'first-list') break;
    // Sub-labelled groups ("Brukerservice:" / "• Brukertilfredshet"): keep reading the next list.
    done.push(list);
    list = new ItemList();
  }
  if (done.length > 0) {
    done.push(list);
    return done.flatMap((l) =>
      l.finish().map((item) => ({ item, last: l.lastLines.get(item) ?? item.line })),
    );
  }
  return list.finish().map((item) => ({ item, last: list.lastLines.get(item) ?? item.line }));
}

export function readGoalItems(
  lines: readonly Line[],
  from: number,
  to: number,
  warn: (message: string, line: number) => void,
): GoalItems {
  const out: GoalItems = { criteria: [], steeringParameters: [], keyFigures: [], lastIndex: -1 };
  let kind: ItemKind | null = null;
  let labelIndex = -1;
  let list = new ItemList();
  const closeLabel = () => {
    if (kind === null) return;
    const items = list.finish();
    if (items.length === 0) {
      warn(`Overskriften «${lines[labelIndex]!.text}» har ingen punkter.`, lines[labelIndex]!.no);
    }
    out[kind].push(...items);
    kind = null;
  };
  for (let i = from; i <= to && i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') continue;
    const label = labelKind(line.text);
    if (label) {
      closeLabel();
      kind = label;
      labelIndex = i;
      list = new ItemList();
      continue;
    }
    if (kind === null) continue;
    if (list.take(line)) out.lastIndex = i;
    else closeLabel();
  }
  closeLabel();
  return out;
}
