/**
 * Key-figure tables ("Nøkkeltall") as time series: a header row whose cells after the first are years,
 * then one row per figure with a value per year:
 *   "Tabell 2-4 Nøkkeltall årsverk og utgifter"
 *   "Helsedirektoratet og POBO (ekskl Helfo)⇥2023⇥2022⇥2021⇥2020"
 *   "Utnyttelsesgrad post 1-29 ⁸⇥96 %⇥87 %⇥89 %⇥89 %"
 * A row without values ("Om servicetjenester⇥⇥") groups the rows below it and is not a series.
 * Only tables the report calls key figures (in the caption or the header's first cell) are read: other
 * year tables (the artskonto report, salary tables) are accounts, not indicators.
 */
import type { KeyFigureSeries } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import type { ExtractContext } from '../context.js';
import { isEmptyFigure, parseFigure, unitInLabel } from './numbers.js';
import { captionAbove, cellsOf, cleanLabel, isYearCell, tabBlock, yearOf } from './tab-table.js';

const YEAR_HEADER_PRETEST = /\t(?:19|20)\d{2}(?:\t|$)/;
const KEY_FIGURE_RE = /nøkkeltal/iu;

interface YearHeader {
  /** Column index → year. */
  years: Map<number, number>;
  title: string;
}

function yearHeader(text: string): YearHeader | null {
  if (!YEAR_HEADER_PRETEST.test(text)) return null;
  const cells = cellsOf(text);
  const years = new Map<number, number>();
  for (let k = 1; k < cells.length; k++) {
    const c = cells[k]!;
    if (c === '') continue;
    if (!isYearCell(c)) return null;
    years.set(k, yearOf(c));
  }
  if (years.size === 0 || isYearCell(cells[0] ?? '')) return null;
  return { years, title: cleanLabel(cells[0] ?? '') };
}

function readSeries(
  ctx: ExtractContext,
  header: YearHeader,
  table: string | null,
  rows: ReturnType<typeof tabBlock>['rows'],
): KeyFigureSeries[] {
  const out: KeyFigureSeries[] = [];
  for (const row of rows) {
    const label = cleanLabel(row.cells[0] ?? '');
    const values: KeyFigureSeries['values'] = [];
    const units = new Set<string>();
    let filled = 0;
    for (const [k, year] of header.years) {
      const cell = row.cells[k] ?? '';
      if (isEmptyFigure(cell)) {
        values.push({ year, value: null });
        continue;
      }
      filled++;
      const fig = parseFigure(cell);
      if (!fig) {
        ctx.warn(
          'key_figure_unreadable',
          `Kunne ikke lese «${cell}» (${year}) i nøkkeltallet «${label}».`,
          row.no,
        );
        values.push({ year, value: null });
        continue;
      }
      if (fig.unit) units.add(fig.unit);
      values.push({ year, value: fig.value });
    }
    if (filled === 0) continue;
    if (label === '') {
      ctx.warn('key_figure_unlabelled', 'En rad i nøkkeltallstabellen har tall, men ingen tekst.', row.no);
      continue;
    }
    if (units.size > 1)
      ctx.warn(
        'key_figure_mixed_units',
        `Nøkkeltallet «${label}» har ulike enheter i årskolonnene: ${[...units].join(', ')}.`,
        row.no,
      );
    out.push({
      table,
      label,
      unit: unitInLabel(label) ?? [...units][0] ?? null,
      values,
      lines: [row.no, row.no],
    });
  }
  return out;
}

export function keyFigureSeries(ctx: ExtractContext): KeyFigureSeries[] {
  const lines: readonly Line[] = ctx.lines;
  const out: KeyFigureSeries[] = [];
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text.includes('\t')) continue;
    const header = yearHeader(text);
    if (!header) continue;
    const caption = captionAbove(lines, i, floor);
    const isKeyFigures = KEY_FIGURE_RE.test(header.title) || KEY_FIGURE_RE.test(caption ?? '');
    const block = tabBlock(lines, i, (t) => yearHeader(t) !== null);
    floor = block.end;
    if (isKeyFigures) out.push(...readSeries(ctx, header, caption ?? (header.title || null), block.rows));
    i = Math.max(i, block.end - 1);
  }
  return out;
}
