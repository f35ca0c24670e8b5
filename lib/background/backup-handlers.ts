/**
 * Handlers of the backup messages (lib/messaging/protocol-backup.ts): a backup handed out a
 * few lines per message, and a restore checked whole before the store is cleared. One backup
 * and one restore at a time, held in the worker's memory: if the worker stops in between, the
 * next message finds no session and the options page says to start again (`session-lost`).
 * A restore cut off after the store was cleared leaves a marker that `backup/status` reports.
 */
import { backupProblemMessage } from '../messaging/protocol-backup';
import { isStorageFull, type Handlers } from '../messaging/rpc';
import { interruptedRestore, openBackupCursor, RestoreSession, type BackupCursor } from '../store';
import type { BackgroundDeps } from './deps';

type BackupHandlers = Pick<
  Handlers,
  | 'backup/begin'
  | 'backup/next'
  | 'backup/restore-begin'
  | 'backup/restore-check'
  | 'backup/restore-replace'
  | 'backup/restore-write'
  | 'backup/restore-finish'
  | 'backup/status'
>;

/**
 * A fresh session id.
 * @example sessionId().length // 36
 */
function sessionId(): string {
  return crypto.randomUUID();
}

const lost = () => new Error(backupProblemMessage('session-lost'));

/** @example await createBackupHandlers(deps)['backup/begin']({}, sender) */
export function createBackupHandlers(deps: BackgroundDeps): BackupHandlers {
  const { db } = deps;
  let backup: { id: string; cursor: BackupCursor } | undefined;
  let restore: { id: string; session: RestoreSession } | undefined;

  /** Runs a step of the restore `id`; any failure ends it (the seller starts again), a full disk says so. */
  async function restoreStep<T>(id: string, step: (session: RestoreSession) => T | Promise<T>): Promise<T> {
    const current = restore;
    if (!current || current.id !== id) throw lost();
    try {
      return await step(current.session);
    } catch (error) {
      if (restore === current) restore = undefined;
      if (isStorageFull(error)) throw new Error(backupProblemMessage('storage-full'));
      throw error;
    }
  }

  return {
    async 'backup/begin'() {
      const cursor = await openBackupCursor(db, deps.now());
      backup = { id: sessionId(), cursor };
      return { backupId: backup.id, steps: cursor.steps };
    },
    async 'backup/next'({ backupId }) {
      const current = backup;
      if (!current || current.id !== backupId) throw lost();
      const part = await current.cursor.next();
      if (part.done && backup === current) backup = undefined;
      return part;
    },
    async 'backup/restore-begin'({ header }) {
      const session = new RestoreSession(header);
      restore = { id: sessionId(), session };
      return { restoreId: restore.id, rows: session.totalRows };
    },
    async 'backup/restore-check'({ restoreId, lines }) {
      return { rows: await restoreStep(restoreId, (s) => s.check(lines)) };
    },
    async 'backup/restore-replace'({ restoreId }) {
      const tables = await restoreStep(restoreId, (s) => s.replace(db, deps.now()));
      deps.afterChange?.();
      return { tables };
    },
    async 'backup/restore-write'({ restoreId, lines }) {
      return { rows: await restoreStep(restoreId, (s) => s.write(db, lines, deps.now())) };
    },
    async 'backup/restore-finish'({ restoreId }) {
      const tables = await restoreStep(restoreId, (s) => s.finish(db));
      restore = undefined;
      // The plans are the backup's own (restored like every row): no re-plan here, so the store
      // is exactly what was backed up; the daily maintenance or the next page read re-plans.
      deps.afterChange?.();
      return { rows: Object.values(tables).reduce((n, c) => n + c, 0), tables };
    },
    async 'backup/status'() {
      return { interruptedRestore: await interruptedRestore(db) };
    },
  };
}
