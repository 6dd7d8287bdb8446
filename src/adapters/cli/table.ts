/**
 * A boxed text table whose cost is linear in its cells: column widths are computed once, each cell is
 * wrapped once, and the output is joined once. (cli-table3 re-measured the table per row and took
 * minutes for tens of thousands of rows.) It draws what cli-table3 drew: a rule under every row,
 * since wrapped titles would otherwise run into each other.
 */

export interface TableOptions {
  /** Column widths including one space of padding each side, as cli-table3 counted them; null = fit. */
  widths?: (number | null)[];
}

/** Display width of a cell: code points (user text is terminal-safe, no control characters left). */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** padEnd counts UTF-16 units; a character outside the BMP would shift the column. */
function pad(s: string, to: number): string {
  return s + ' '.repeat(Math.max(0, to - width(s)));
}

/** Cut one line into pieces of at most `max` code points, breaking at spaces where there is one. */
function wrapLine(line: string, max: number): string[] {
  if (width(line) <= max) return [line];
  const out: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const word of line.split(' ')) {
    let rest = [...word];
    // A word longer than the column is broken hard; it would otherwise push the column wider.
    while (rest.length > max) {
      if (currentWidth > 0) out.push(current);
      out.push(rest.slice(0, max).join(''));
      rest = rest.slice(max);
      current = '';
      currentWidth = 0;
    }
    const w = rest.length;
    if (currentWidth === 0) {
      current = rest.join('');
      currentWidth = w;
    } else if (currentWidth + 1 + w <= max) {
      current += ` ${rest.join('')}`;
      currentWidth += 1 + w;
    } else {
      out.push(current);
      current = rest.join('');
      currentWidth = w;
    }
  }
  out.push(current);
  return out;
}

function wrap(cell: string, max: number): string[] {
  return cell.split('\n').flatMap((line) => wrapLine(line, max));
}

export function renderTable(
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  opts: TableOptions = {},
): string {
  const text = rows.map((r) => head.map((_, i) => String(r[i] ?? '')));
  const inner = head.map((h, i) => {
    const fixed = opts.widths?.[i];
    if (fixed !== null && fixed !== undefined) return Math.max(1, fixed - 2);
    let w = Math.max(...h.split('\n').map(width));
    for (const r of text) for (const line of (r[i] ?? '').split('\n')) w = Math.max(w, width(line));
    return w;
  });
  const rule = (l: string, m: string, r: string) => `${l}${inner.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const out: string[] = [rule('┌', '┬', '┐')];
  const push = (cells: readonly string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, inner[i] ?? 1));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    for (let line = 0; line < height; line++)
      out.push(`│${wrapped.map((w, i) => ` ${pad(w[line] ?? '', inner[i] ?? 0)} `).join('│')}│`);
  };
  const between = rule('├', '┼', '┤');
  push(head);
  for (const r of text) {
    out.push(between);
    push(r);
  }
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
