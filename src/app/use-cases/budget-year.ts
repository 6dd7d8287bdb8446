/** One budget year in full, for the web app's budget screen: allocation, supplements, accounts, fullmakter. */
import { budgetYear } from '../../adapters/store/budget-year.js';
import { authorize, viewerFor } from '../policy.js';
import { YearInput } from '../schemas.js';
import { useCase } from '../use-case.js';

export const budgetYearUseCase = useCase({
  name: 'budgetYear',
  summary: 'Budsjettåret: kapittel/post med flagg, øremerking, tillegg, regnskap og fullmakter',
  input: YearInput,
  readOnly: true,
  async run(call, input) {
    authorize(call.principal, 'read');
    return budgetYear(call.deps.store.db, viewerFor(call.principal), input.year);
  },
});
