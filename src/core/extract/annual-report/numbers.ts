/**
 * Figures as Norwegian reports print them in table cells: a space (or no-break space) groups thousands
 * ("1 716 815"), a comma is the decimal sign ("94,6 %"), a leading "-" is negative (U+2212 is already
 * "-" after normalisation), and a unit may follow the number ("96 %", "45,5 mrd. kr", "95 millioner",
 * "11,1 virkedager").
 */

export interface Figure {
  value: number;
  /** The unit printed after the number, or null. */
  unit: string | null;
}

const FIGURE_RE =
  /^([-+]?)(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:,(\d+))?\s*(%|‰|\p{L}[\p{L}.]*(?:\s+\p{L}[\p{L}.]*)?)?$/u;

/** Parse one cell; null when it does not hold exactly one number (with an optional unit). */
export function parseFigure(cell: string): Figure | null {
  const t = cell.trim();
  if (t === '' || t.length > 40) return null;
  const m = FIGURE_RE.exec(t);
  if (!m) return null;
  const digits = m[2]!.replace(/[ \u00A0\u202F]/g, '');
  const value = Number(`${m[1] === '-' ? '-' : ''}${digits}${m[3] ? `.${m[3]}` : ''}`);
  if (!Number.isFinite(value)) return null;
  return { value, unit: m[4] ? m[4].replace(/\s+/g, ' ') : null };
}

/** A cell meaning "no figure": empty, a dash, "..", "n/a", "ikke aktuell". */
export function isEmptyFigure(cell: string): boolean {
  return /^(?:|[-–—]+|\.{2,3}|n\/?a|ikke aktuell|i\.a\.?)$/iu.test(cell.trim());
}

/**
 * The unit a row label states in brackets at its end: "Sum driftsutgifter (mill. kroner)" → "mill. kroner",
 * "Lønnsutgifter per årsverk (hele tusen)" → "hele tusen"; "(%)", "(min)" as in the letters' key figures.
 */
export function unitInLabel(label: string): string | null {
  const m = /\(([^()]{1,30})\)\s*$/u.exec(label);
  if (!m) return null;
  const inner = m[1]!.trim();
  if (
    /^(?:%|‰|prosent|antall|min|minutter|timer|dager|år|kr|kroner|mill\.? ?kr(?:oner)?|mrd\.? ?kr(?:oner)?|hele tusen|1 ?000 kr(?:oner)?|i 1 ?000 kr(?:oner)?|tusen kr(?:oner)?)$/iu.test(
      inner,
    )
  )
    return inner;
  return null;
}
