/** The report file formats, and the one function the HTTP API and the CLI print a report with. */
import type { Report } from '../../core/reports/model.js';
import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';

export const REPORT_FORMATS = ['docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function renderReport(report: Report, format: ReportFormat): Promise<Uint8Array> {
  return format === 'docx' ? renderDocx(report) : renderPdf(report);
}

/** `rapport-oppdrag-2025.docx`: ASCII only, so every browser keeps the name. */
export function reportFileName(report: Report, year: number | undefined, format: ReportFormat): string {
  return `rapport-${report.kind}${year !== undefined ? `-${year}` : ''}.${format}`;
}
