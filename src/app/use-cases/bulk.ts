/**
 * Many assignments at once: close those a letter declares lapsed with one reason, or give a batch one
 * responsible person. Each assignment is checked by the same rules as a single change (legal
 * transition, the principal's side), every change is audited, and all happen in one transaction or
 * none: a refusal lists each ID that could not be changed and why.
 */
import { BulkRefused, bulkEdit } from '../../adapters/store/bulk-edits.js';
import { writeOwner, writeStatus } from '../../adapters/store/edits.js';
import { checkTransition } from '../../core/register/status.js';
import { AppError } from '../errors.js';
import { allowedTransitions, authorize, sideOf, viewerFor } from '../policy.js';
import { BulkChangeStatusInput, BulkSetOwnerInput } from '../schemas.js';
import { type Call, useCase } from '../use-case.js';

function context(call: Call) {
  return { actor: call.principal.username, clock: call.deps.clock, viewer: viewerFor(call.principal) };
}

async function refusedAsAppError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof BulkRefused)
      throw new AppError('conflict', 'bulk_refused', e.message, { failures: e.failures });
    throw e;
  }
}

export const bulkChangeStatusUseCase = useCase({
  name: 'bulkChangeStatus',
  summary: 'Sett samme status på mange oppdrag (f.eks. avslutte bortfalte), med én begrunnelse',
  input: BulkChangeStatusInput,
  readOnly: false,
  async run(call, input) {
    authorize(call.principal, 'edit');
    const side = sideOf(call.principal);
    const changed = await refusedAsAppError(
      bulkEdit(
        call.deps.store.db,
        input.ids,
        context(call),
        (from) => {
          const legal = checkTransition(from, input.status, input.reason);
          if (!legal.ok) return { code: legal.code, message: legal.message };
          if (!allowedTransitions(call.principal, from).includes(input.status))
            return {
              code: 'side_not_allowed',
              message: `${side === 'virksomhet' ? 'Virksomheten' : 'Departementet'} kan ikke sette status «${input.status}» fra «${from}».`,
            };
          return null;
        },
        ({ trx, id, status, at }) =>
          writeStatus(trx, {
            id,
            from: status,
            to: input.status,
            reason: input.reason,
            at,
            actor: call.principal.username,
          }),
      ),
    );
    return { status: input.status, changed };
  },
});

export const bulkSetOwnerUseCase = useCase({
  name: 'bulkSetOwner',
  summary: 'Sett samme ansvarlige for mange oppdrag',
  input: BulkSetOwnerInput,
  readOnly: false,
  async run(call, input) {
    authorize(call.principal, 'edit');
    const changed = await refusedAsAppError(
      bulkEdit(
        call.deps.store.db,
        input.ids,
        context(call),
        () => null,
        ({ trx, id, at }) =>
          writeOwner(trx, { id, person: input.person, at, actor: call.principal.username }),
      ),
    );
    return { owner: input.person, changed };
  },
});
