/**
 * The report model: what a report says, independent of how it is printed. Builders (one per report
 * kind) make it from register facts; the DOCX and PDF renderers and the JSON API print the same model,
 * so a report reads the same in every format.
 */
import { z } from 'zod';

export const REPORT_KINDS = ['oppdrag', 'avvik', 'motegrunnlag', 'neste-brev', 'budsjettavstemming'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Record<ReportKind, string> = {
  oppdrag: 'Rapportering på oppdrag',
  avvik: 'Avviksrapport',
  motegrunnlag: 'Møtegrunnlag for etatsstyringsmøte',
  'neste-brev': 'Utkast til neste års tildelingsbrev',
  budsjettavstemming: 'Budsjettavstemming',
};

/** A table cell keeps its type, so renderers can align amounts and format dates the Norwegian way. */
export const Cell = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('date'), iso: z.string().nullable() }),
  z.object({ kind: z.literal('amount'), kroner: z.number().nullable() }),
  /** A cell that needs the reader's attention (a difference, an overdue deadline). */
  z.object({ kind: z.literal('flag'), text: z.string() }),
]);
export type Cell = z.infer<typeof Cell>;

export const Column = z.object({
  title: z.string(),
  /** Relative width; renderers share the page width by it. */
  width: z.number().positive(),
  align: z.enum(['left', 'right']),
});
export type Column = z.infer<typeof Column>;

export const Block = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('table'), columns: z.array(Column), rows: z.array(z.array(Cell)) }),
]);
export type Block = z.infer<typeof Block>;

export const Report = z.object({
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  /** Label/value pairs under the title: year, organisation, date, what is left out. */
  meta: z.array(z.object({ label: z.string(), value: z.string() })),
  blocks: z.array(Block),
});
export type Report = z.infer<typeof Report>;

export const text = (t: string): Cell => ({ kind: 'text', text: t });
export const date = (iso: string | null): Cell => ({ kind: 'date', iso });
export const amount = (kroner: number | null): Cell => ({ kind: 'amount', kroner });
export const flag = (t: string): Cell => ({ kind: 'flag', text: t });
export const heading = (level: 1 | 2, t: string): Block => ({ kind: 'heading', level, text: t });
export const paragraph = (t: string): Block => ({ kind: 'paragraph', text: t });

export function column(title: string, width = 1, align: 'left' | 'right' = 'left'): Column {
  return { title, width, align };
}

export function table(columns: Column[], rows: Cell[][]): Block {
  return { kind: 'table', columns, rows };
}
