/** Administration: export (backup or public), restore into an empty register, and the audit log. */
import { verifyAuditChain } from '../../adapters/store/audit-chain.js';
import { listAudit, listDocuments } from '../../adapters/store/catalogue.js';
import { removeDocumentVersion } from '../../adapters/store/remove-version.js';
import { exportRegister, restoreRegister } from '../../adapters/store/export.js';
import { PUBLIC_VIEWER } from '../../core/register/viewer.js';
import { AppError } from '../errors.js';
import { authorize, isInstallationAdmin, viewerFor } from '../policy.js';
import { AuditLogInput, ExportInput, NoInput, RemoveVersionInput, RestoreInput } from '../schemas.js';
import { useCase } from '../use-case.js';
import { openCursor, sealCursor } from './cursor.js';

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
    const before = input.cursor ? openCursor(input.cursor, sort) : undefined;
    const viewer = viewerFor(call.principal);
    const rows = await listAudit(call.deps.store.db, viewer, {
      ...(input.entity !== undefined ? { entity: input.entity } : {}),
      ...(before !== undefined ? { before } : {}),
      limit: input.limit,
    });
    const last = rows[rows.length - 1];
    // The sequence number is the hash chain's order; gaps in it would count the entries this viewer
    // may not see, so only a viewer of the whole log (everything, every organisation) gets it.
    const whole = viewer.canSeeConfidential && viewer.scope === undefined;
    const items = whole ? rows : rows.map(({ seq: _seq, ...rest }) => rest);
    return { items, nextCursor: rows.length === input.limit && last ? sealCursor(last.seq, sort) : null };
  },
});

export const verifyAuditUseCase = useCase({
  name: 'verifyAudit',
  summary: 'Kontroller revisjonsloggens hashkjede',
  input: NoInput,
  readOnly: true,
  async run(call) {
    authorize(call.principal, 'read_audit');
    // The chain covers every organisation's entries: only the installation's administrator checks it.
    if (!isInstallationAdmin(call.principal))
      throw new AppError(
        'forbidden',
        'installation_admin_required',
        'Bare registerets administrator kan kontrollere hele loggen.',
      );
    return verifyAuditChain(call.deps.store.db);
  },
});

export const removeVersionUseCase = useCase({
  name: 'removeDocumentVersion',
  summary: 'Fjern en feilimportert dokumentversjon (administrator; kan gjenopprettes ved ny import)',
  input: RemoveVersionInput,
  readOnly: false,
  async run(call, input) {
    authorize(call.principal, 'remove_version');
    // An organisation's administrator may only remove versions of documents it can see.
    const visible = await listDocuments(call.deps.store.db, viewerFor(call.principal));
    if (!visible.some((d) => d.id === input.id))
      throw new AppError('not_found', 'document_not_found', `Fant ikke dokument ${input.id}.`);
    // The reason is audited with the removal itself, in its transaction.
    const removed = await removeDocumentVersion(call.deps.store.db, input.id, input.version, {
      actor: call.principal.username,
      clock: call.deps.clock,
      reason: input.reason,
    });
    return removed;
  },
});
