/** An export table as file bytes in the format asked for: the one switch the CLI and the API share. */
import type { ExportTable } from '../../core/export/table.js';
import { CSV_CONTENT_TYPE, tableToCsv } from './csv.js';
import { tableToXlsx, XLSX_CONTENT_TYPE } from './xlsx.js';

export const TABLE_FORMATS = ['xlsx', 'csv'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export async function tableFile(t: ExportTable, format: TableFormat, now?: Date): Promise<ExportFile> {
  if (format === 'csv')
    return {
      bytes: new TextEncoder().encode(tableToCsv(t)),
      contentType: CSV_CONTENT_TYPE,
      fileName: `${t.name}.csv`,
    };
  return {
    bytes: await tableToXlsx(t, now ? { now } : {}),
    contentType: XLSX_CONTENT_TYPE,
    fileName: `${t.name}.xlsx`,
  };
}
