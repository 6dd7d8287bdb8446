/**
 * Spreadsheet exports: one register list as a typed table (core/export). The rows come from the same
 * reads as the list views, so the viewer's scope and exempt grant decide what is in them; a viewer with
 * the grant gets the exempt assignments marked in their own column.
 */
import { listKeyFigures } from '../../adapters/store/catalogue.js';
import { budget } from '../../adapters/store/reports.js';
import { assignmentTable, budgetTable, keyFigureTable } from '../../core/export/register-tables.js';
import type { ExportTable } from '../../core/export/table.js';
import { authorize, viewerFor } from '../policy.js';
import { type AssignmentFilterInput, ExportTableInput } from '../schemas.js';
import { useCase } from '../use-case.js';
import { filteredAssignments, sortAssignments } from './assignments.js';

const FILTER_LABEL: Record<string, string> = {
  year: 'år',
  agency: 'virksomhet',
  department: 'avdeling',
  status: 'status',
  section: 'kapittel',
  kind: 'type',
  owner: 'ansvarlig',
  text: 'tekst',
};

/** «Oppdrag – år 2025, avdeling SHA»: the filters a table was made with, in its title. */
function titleWith(
  base: string,
  f: Partial<AssignmentFilterInput> & { chapter?: string | undefined },
): string {
  const parts = Object.entries(FILTER_LABEL)
    .filter(([k]) => f[k as keyof AssignmentFilterInput] !== undefined)
    .map(([k, label]) => `${label} ${String(f[k as keyof AssignmentFilterInput])}`);
  if (f.hasDeadline !== undefined) parts.push(f.hasDeadline ? 'med frist' : 'uten frist');
  if (f.chapter !== undefined) parts.push(`kapittel ${f.chapter}`);
  return parts.length > 0 ? `${base} – ${parts.join(', ')}` : base;
}

export const exportTableUseCase = useCase({
  name: 'exportTable',
  summary: 'Oppdrag, budsjett eller nøkkeltall som tabell for regneark (XLSX/CSV)',
  input: ExportTableInput,
  readOnly: true,
  async run(call, input): Promise<ExportTable> {
    authorize(call.principal, 'read');
    const viewer = viewerFor(call.principal);
    const db = call.deps.store.db;
    if (input.table === 'budget') {
      const b = await budget(
        db,
        {
          ...(input.year !== undefined ? { year: input.year } : {}),
          ...(input.chapter !== undefined ? { chapter: input.chapter } : {}),
        },
        viewer,
      );
      return budgetTable(b, titleWith('Budsjett', { year: input.year, chapter: input.chapter }));
    }
    if (input.table === 'key-figures') return keyFigureTable(await listKeyFigures(db, viewer), 'Nøkkeltall');
    const items = sortAssignments(await filteredAssignments(call, input), input.sort, input.order);
    return assignmentTable(items, {
      title: titleWith('Oppdrag', input),
      markConfidential: viewer.canSeeConfidential,
    });
  },
});
