/** Human-readable summary of extraction results (Norwegian UI text). */
import { describeCoverage } from '../../core/extract/coverage.js';
import type { ExtractionResult } from '../../core/model/extraction.js';
import { terminalSafe } from '../../core/text/terminal-safe.js';
import { renderTable } from './table.js';

const TYPE_LABEL: Record<ExtractionResult['document']['type'], string> = {
  tildelingsbrev: 'Tildelingsbrev',
  tillegg: 'Tillegg til tildelingsbrev',
  arsrapport: 'Årsrapport',
  ukjent: 'Ukjent dokumenttype',
};

function summaryTable(results: readonly ExtractionResult[]): string {
  return renderTable(
    ['Fil', 'Type', 'År', 'Seksj.', 'Mål', 'Oppdrag', 'Frister', 'Budsjett', 'Fullm.', 'Kalender', 'Varsler'],
    results.map((r) => [
      terminalSafe(r.source.name),
      TYPE_LABEL[r.document.type],
      r.document.year ?? '–',
      r.sections.length,
      r.goals.length,
      r.assignments.length,
      r.assignments.reduce((n, a) => n + a.deadlines.length, 0),
      r.budgetLines.length,
      r.authorisations.length,
      r.calendar.length,
      r.warnings.length,
    ]),
  );
}

function warningList(result: ExtractionResult, limit = 20): string {
  const coverage = `  ${describeCoverage(result.coverage)}`;
  if (result.warnings.length === 0) return `${result.source.name}: ingen varsler.\n${coverage}`;
  const lines = result.warnings
    .slice(0, limit)
    .map((w) => `  ${w.line === null ? '' : `linje ${w.line}: `}[${w.code}] ${w.message}`);
  if (result.warnings.length > limit)
    lines.push(`  … og ${result.warnings.length - limit} varsler til (se --json).`);
  return `${result.source.name}: ${result.warnings.length} varsler\n${coverage}\n${lines.join('\n')}`;
}

/** File names and warning texts come from the files: neutralised for the terminal. */
export function renderSummary(results: readonly ExtractionResult[]): string {
  return terminalSafe([summaryTable(results), ...results.map((r) => warningList(r))].join('\n\n'));
}
