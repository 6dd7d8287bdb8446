/**
 * The register's application services: one object the CLI (and later the API) calls, holding the
 * database, the actor, the clock and the viewer so every call is audited and access-checked alike.
 */
import type { Clock, Viewer } from '../../core/register/viewer.js';
import { type AssignmentFilter, listAssignments, showAssignment } from './assignments-query.js';
import { verifyAuditChain } from './audit-chain.js';
import { addNote, addOwner, changeDeadline, changeStatus, type StatusExpectation } from './edits.js';
import { exportRegister, restoreRegister } from './export.js';
import { type ImportItem, type ImportOptions, importResults } from './import.js';
import { type Db, openDb } from './open.js';
import type { StoreTarget } from './target.js';
import { removeDocumentVersion } from './remove-version.js';
import { asRegisterError } from './db-error.js';
import { budget, deadlines, overview, stats } from './reports.js';
import { search } from './search.js';
import type { Expectation } from './write-lock.js';

export interface RegisterOptions {
  actor: string;
  clock: Clock;
  viewer: Viewer;
}

export class Register {
  constructor(
    readonly store: Db,
    readonly opts: RegisterOptions,
  ) {}

  static async open(target: StoreTarget, opts: RegisterOptions): Promise<Register> {
    return new Register(await openDb(target), opts);
  }

  get db() {
    return this.store.db;
  }

  private get edit() {
    return { actor: this.opts.actor, clock: this.opts.clock, viewer: this.opts.viewer };
  }

  import(items: readonly ImportItem[], onProgress?: ImportOptions['onProgress']) {
    return asRegisterError('import av dokumenter (ingenting ble importert)', () =>
      importResults(this.db, items, {
        actor: this.opts.actor,
        clock: this.opts.clock,
        ...(onProgress ? { onProgress } : {}),
      }),
    );
  }
  assignments(filter: AssignmentFilter = {}) {
    return asRegisterError('oppslag av oppdrag', () =>
      listAssignments(this.db, filter, this.opts.viewer, this.opts.clock),
    );
  }
  show(id: string) {
    return asRegisterError('visning av oppdrag', () =>
      showAssignment(this.db, id, this.opts.viewer, this.opts.clock),
    );
  }
  setStatus(id: string, status: string, reason: string, expect: StatusExpectation = {}) {
    return asRegisterError('endring av status', () =>
      changeStatus(this.db, id, status, reason, this.edit, expect),
    );
  }
  note(id: string, text: string, kind: 'note' | 'answer' = 'note', expect: Expectation = {}) {
    return asRegisterError('lagring av notat', () => addNote(this.db, id, text, kind, this.edit, expect));
  }
  owner(id: string, person: string, expect: Expectation = {}) {
    return asRegisterError('lagring av ansvarlig', () => addOwner(this.db, id, person, this.edit, expect));
  }
  moveDeadline(id: string, date: string, reason: string, expect: Expectation = {}) {
    return asRegisterError('endring av frist', () =>
      changeDeadline(this.db, id, date, reason, this.edit, expect),
    );
  }
  search(query: string, filter: AssignmentFilter = {}, limit = 20) {
    return asRegisterError('søk', () =>
      search(this.db, query, filter, this.opts.viewer, this.opts.clock, limit),
    );
  }
  deadlines(opts: { withinDays?: number; overdue?: boolean; filter?: AssignmentFilter }) {
    return asRegisterError('oppslag av frister', () =>
      deadlines(this.db, opts, this.opts.viewer, this.opts.clock),
    );
  }
  budget(opts: { year?: number; chapter?: string } = {}) {
    return asRegisterError('budsjettoversikt', () => budget(this.db, opts, this.opts.viewer));
  }
  stats() {
    return asRegisterError('statistikk', () => stats(this.db, this.opts.viewer));
  }
  overview() {
    return asRegisterError('oversikt', () => overview(this.db, this.opts.viewer, this.opts.clock));
  }
  export() {
    return asRegisterError('eksport', () =>
      exportRegister(this.db, this.opts.viewer, this.opts.clock().toISOString()),
    );
  }
  restore(data: unknown, file: string) {
    return asRegisterError('gjenoppretting (ingenting ble gjenopprettet)', () =>
      restoreRegister(this.db, data, {
        actor: this.opts.actor,
        now: this.opts.clock().toISOString(),
        file,
      }),
    );
  }
  /** Admin only: the app layer decides who may; the store makes it correct and audits it. */
  removeVersion(letterKeyOrDocumentId: string | number, version: number) {
    return removeDocumentVersion(this.db, letterKeyOrDocumentId, version, {
      actor: this.opts.actor,
      clock: this.opts.clock,
    });
  }
  verifyAudit() {
    return verifyAuditChain(this.db);
  }
  close() {
    return this.store.close();
  }
}
