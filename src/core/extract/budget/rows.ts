/** A budget table row as read, before its amounts are resolved into columns and kroner. */

export interface RawRow {
  chapter: string | null;
  post: string;
  name: string;
  /**
   * The printed amount tokens. Tab layout: one entry per amount cell (the cell text, '' when empty).
   * Text layout: one entry holding the run of number tokens ("127 273 103 700"), split into columns later.
   */
  cells: string[];
  /**
   * Text layout: indices of the run's tokens that the source printed after a wide gap, i.e. where an
   * amount column begins ("37 159  37 692" gives [2]). See column-gaps.ts.
   */
  breaks?: number[];
  comment: string[];
  /** A "Sum"/"Totalt" row: cross-foot it instead of emitting it. */
  sumLabel: string | null;
  first: number;
  last: number;
}

export interface ParsedTable {
  rows: RawRow[];
  /** Index in `lines` just after the table's last line. */
  end: number;
}

/** "Sum kap. 740", "Sum", "Totalt", "I alt", "Sum utgifter". */
export const SUM_RE = /^(?:sum|totalt|i\s+alt)\b/iu;
