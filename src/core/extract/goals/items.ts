/**
 * The labelled item lists under a goal: "Vurderingskriterier:", "Styringsparametere:", "Nøkkeltall:"
 * (or the 2025 subsection headings "3.1.1. Styringsparametere"), each followed by bullets or numbered
 * items that may wrap over several lines and may nest ("i." with "a.", "b."; "•" with "o").
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
  /^(?:\d{1,2}(?:\.\d{1,2}){0,4}\.?\s+)?(Vurderingskriteri(?:er|um|ene)|Styringsparamet(?:e|)re(?:ne)?|Nøkkeltall(?:ene)?)\s*:?$/;
// "- ", "• ", "– ", "✓ " bullets; "o " is the second-level bullet of Word exports.
const BULLET_RE = /^(?:[-•–✓▪]|o(?= \p{Lu}))\s+/u;
const ROMAN_RE = /^([ivx]{1,5})[.)]\s+/;
const LETTER_RE = /^([a-h])[.)]\s+/;
const NUMBER_RE = /^(\d{1,2})[.)]\s+/;
// A line wrapped after these words continues on the next line even if that starts with a capital:
// "… i felles søknadsskjema som behandles av" + "Helsedirektoratet".
const DANGLING_RE =
  /(?:(?:^|\s)(?:av|og|i|til|for|med|om|på|fra|ved|som|samt|eller|mellom|under|innen|etter)|,)$/;

export function labelKind(text: string): ItemKind | null {
  const m = LABEL_RE.exec(text);
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  if (w.startsWith('vurdering')) return 'criteria';
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
export function readGoalItems(
  lines: readonly Line[],
  from: number,
  to: number,
  warn: (message: string, line: number) => void,
): GoalItems {
  const out: GoalItems = { criteria: [], steeringParameters: [], keyFigures: [], lastIndex: -1 };
  let kind: ItemKind | null = null;
  let labelIndex = -1;
  let countAtLabel = 0;
  let parent: { item: TextItem; marker: Marker } | null = null;
  let lastText = '';
  const closeLabel = () => {
    if (kind !== null && out[kind].length === countAtLabel) {
      warn(`Overskriften «${lines[labelIndex]!.text}» har ingen punkter.`, lines[labelIndex]!.no);
    }
  };
  for (let i = from; i <= to && i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text === '') continue;
    const label = labelKind(text);
    if (label) {
      closeLabel();
      kind = label;
      labelIndex = i;
      countAtLabel = out[label].length;
      parent = null;
      lastText = '';
      continue;
    }
    if (kind === null) continue;
    const start = itemStart(text);
    if (start) {
      if (parent && nests(start.marker, parent.marker)) {
        parent.item.text += ` ${start.text}`;
      } else {
        const item = { text: start.text, line: lines[i]!.no };
        out[kind].push(item);
        parent = { item, marker: start.marker };
      }
      lastText = text;
      out.lastIndex = i;
      continue;
    }
    const continues =
      parent !== null &&
      !text.includes('\t') &&
      (/^[\p{Ll}\d(«]/u.test(text) || (DANGLING_RE.test(lastText) && text.length <= 80));
    if (continues) {
      parent!.item.text += ` ${text}`;
      lastText = text;
      out.lastIndex = i;
      continue;
    }
    closeLabel();
    kind = null;
    parent = null;
  }
  closeLabel();
  for (const k of ['criteria', 'steeringParameters', 'keyFigures'] as const) {
    for (const item of out[k]) item.text = item.text.replace(/\s+/g, ' ').trim();
  }
  return out;
}
