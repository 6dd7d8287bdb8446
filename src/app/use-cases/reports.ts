/**
 * Reports: one use case for every report kind. It gathers the register facts for the caller's viewer
 * (the store applies scope and confidentiality) and returns the report model; the adapters print it as
 * DOCX, PDF or JSON.
 */
import { reportFacts } from '../../adapters/store/report-facts.js';
import { buildReport } from '../../core/reports/build.js';
import type { Report } from '../../core/reports/model.js';
import { osloDate } from '../../core/register/status.js';
import { authorize, viewerFor } from '../policy.js';
import { ReportInput } from '../schemas.js';
import { useCase } from '../use-case.js';

export const reportUseCase = useCase({
  name: 'report',
  summary: 'Rapport (oppdrag, avvik, møtegrunnlag, neste års brev, budsjettavstemming)',
  input: ReportInput,
  readOnly: true,
  async run(call, input): Promise<Report> {
    authorize(call.principal, 'read');
    const today = osloDate(call.deps.clock());
    const date = input.date ?? today;
    const facts = await reportFacts(
      call.deps.store.db,
      {
        year: input.year ?? Number(date.slice(0, 4)),
        date,
        ...(input.org !== undefined ? { organisation: input.org } : {}),
      },
      viewerFor(call.principal),
      call.deps.clock,
    );
    return buildReport(input.kind, facts, {
      ...(input.since !== undefined ? { since: input.since } : {}),
      ...(input.accounts !== undefined ? { accounts: input.accounts } : {}),
    });
  },
});
