/** Administration: export (backup or public), restore into an empty register, and the audit log. */
import { listAudit } from '../../adapters/store/catalogue.js';
import { exportRegister, restoreRegister } from '../../adapters/store/export.js';
import { PUBLIC_VIEWER } from '../../core/register/viewer.js';
import { authorize, viewerFor } from '../policy.js';
import { AuditLogInput, ExportInput, RestoreInput } from '../schemas.js';
import { useCase } from '../use-case.js';
import { decodeCursor, encodeCursor } from './cursor.js';

export const exportUseCase = useCase({
  name: 'exportRegister',
  summary: 'Eksporter registeret (full sikkerhetskopi, eller offentlig utgave)',
  input: ExportInput,
  readOnly: true,
  async run(call, input) {
    const viewer = viewerFor(call.principal);
    // A backup is the whole register; anyone who may read can take the public edition of their scope's
    // data only through the other read endpoints, so the public export is the installation's too.
    authorize(call.principal, 'export_backup');
    const asPublic = input.public || !viewer.canSeeConfidential;
    return exportRegister(
      call.deps.store.db,
      asPublic ? PUBLIC_VIEWER : viewer,
      call.deps.clock().toISOString(),
    );
  },
});

export const restoreUseCase = useCase({
  name: 'restoreRegister',
  summary: 'Gjenopprett en eksport i et tomt register',
  input: RestoreInput,
  readOnly: false,
  async run(call, input) {
    authorize(call.principal, 'restore');
    return restoreRegister(call.deps.store.db, input.data, {
      actor: call.principal.username,
      now: call.deps.clock().toISOString(),
      file: input.file,
    });
  },
});

export const auditLogUseCase = useCase({
  name: 'auditLog',
  summary: 'Revisjonsloggen, nyeste først',
  input: AuditLogInput,
  readOnly: true,
  async run(call, input) {
    authorize(call.principal, 'read_audit');
    const sort = { entity: input.entity ?? '' };
    const before = input.cursor ? decodeCursor(input.cursor, sort) : undefined;
    const items = await listAudit(call.deps.store.db, viewerFor(call.principal), {
      ...(input.entity !== undefined ? { entity: input.entity } : {}),
      ...(before !== undefined ? { before } : {}),
      limit: input.limit,
    });
    const last = items[items.length - 1];
    return { items, nextCursor: items.length === input.limit && last ? encodeCursor(last.seq, sort) : null };
  },
});
