/**
 * Table borders of a PDF page: the horizontal and vertical line segments it draws (stroked lines, or
 * the thin filled rectangles Word draws for cell borders), in top-down page coordinates. Ruled tables
 * tell where a row ends even when its cells wrap over several lines, and where a column starts even
 * when two cells' texts nearly touch.
 */

export interface Segment {
  /** Position across the segment: y of a horizontal one, x of a vertical one. */
  at: number;
  /** Extent along the segment. */
  from: number;
  to: number;
}

export interface Rules {
  horizontal: Segment[];
  vertical: Segment[];
}

export const NO_RULES: Rules = { horizontal: [], vertical: [] };

/** The operator codes this module reads (pdfjs' OPS table). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  /** A path that is only a clipping region (`re W n`): never drawn, never a border. */
  endPath: number;
}

/** pdfjs' path drawing codes inside a constructPath operation. */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

/** A border is at most this thick; a shaded cell is thicker and is not a rule. */
const MAX_THICKNESS = 2.5;
const MIN_LENGTH = 4;

type Matrix = readonly number[];

function multiply(m: Matrix, n: Matrix): number[] {
  return [
    m[0]! * n[0]! + m[1]! * n[2]!,
    m[0]! * n[1]! + m[1]! * n[3]!,
    m[2]! * n[0]! + m[3]! * n[2]!,
    m[2]! * n[1]! + m[3]! * n[3]!,
    m[4]! * n[0]! + m[5]! * n[2]! + n[4]!,
    m[4]! * n[1]! + m[5]! * n[3]! + n[5]!,
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

function addSegment(rules: Rules, x0: number, y0: number, x1: number, y1: number): void {
  const dx = Math.abs(x1 - x0);
  const dy = Math.abs(y1 - y0);
  if (dy <= MAX_THICKNESS && dx >= MIN_LENGTH)
    rules.horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
  else if (dx <= MAX_THICKNESS && dy >= MIN_LENGTH)
    rules.vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
}

/** A closed four-point path (a rectangle): a thin one is one rule, a larger one its four edges. */
function addPolygon(rules: Rules, points: readonly [number, number][]): void {
  if (points.length === 4) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    if (y1 - y0 <= MAX_THICKNESS || x1 - x0 <= MAX_THICKNESS) {
      addSegment(rules, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
      if (x1 - x0 <= MAX_THICKNESS) addSegment(rules, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      return;
    }
  }
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    addSegment(rules, a[0], a[1], b[0], b[1]);
  }
}

function readPath(rules: Rules, data: ArrayLike<number>, ctm: Matrix, page: Matrix): void {
  const m = multiply(ctm, page);
  let figure: [number, number][] = [];
  let i = 0;
  const flush = (closed: boolean): void => {
    if (closed && figure.length >= 3) addPolygon(rules, figure);
    else
      for (let k = 1; k < figure.length; k++) {
        const a = figure[k - 1]!;
        const b = figure[k]!;
        addSegment(rules, a[0], a[1], b[0], b[1]);
      }
    figure = [];
  };
  while (i < data.length) {
    const op = data[i]!;
    if (op === MOVE_TO) {
      flush(false);
      figure.push(apply(m, data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === LINE_TO) {
      figure.push(apply(m, data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === CURVE_TO) {
      // Curves are not borders; keep the end point so a following line starts in the right place.
      flush(false);
      figure.push(apply(m, data[i + 5]!, data[i + 6]!));
      i += 7;
    } else if (op === QUAD_TO) {
      flush(false);
      figure.push(apply(m, data[i + 3]!, data[i + 4]!));
      i += 5;
    } else if (op === CLOSE) {
      flush(true);
      i += 1;
    } else break;
  }
  flush(false);
}

/**
 * Segments of an operator list. `page` maps PDF user space to top-down page coordinates (the viewport
 * transform); the current transformation matrix is followed through save/restore/transform.
 */
export function readRules(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: PathOps,
  page: Matrix,
): Rules {
  const rules: Rules = { horizontal: [], vertical: [] };
  let ctm: number[] = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k];
    const args = argsArray[k];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && Array.isArray(args) && args.length === 6)
      ctm = multiply(args as number[], ctm);
    else if (fn === ops.constructPath && Array.isArray(args) && args[0] !== ops.endPath) {
      const data: unknown = Array.isArray(args[1]) ? args[1][0] : null;
      if (data instanceof Float32Array || Array.isArray(data))
        readPath(rules, data as ArrayLike<number>, ctm, page);
    }
  }
  return rules;
}
