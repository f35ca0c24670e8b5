/**
 * Delete-all, and whole-file backup helpers for tests and small stores. Backups and restores of any size are in backup-format.ts (the file),
 * backup-stream.ts (writing it a few lines at a time) and backup-restore.ts (checking all of it,
 * then replacing the data).
 */
import { legacyBackupLines } from '../messaging/protocol-backup';
import { BACKUP_VERSION, BackupChecker } from './backup-format';
import { RestoreSession } from './backup-restore';
import { openBackupCursor } from './backup-stream';
import { searchTables, allTables, STORED_TABLES, type StoreDb, type TableName } from './db';

/**
 * Deletes every row of every table (the database itself stays, at the current schema).
 * @example await deleteAllData(db)
 */
export async function deleteAllData(db: StoreDb): Promise<void> {
  await db.transaction('rw', [...allTables(db), ...searchTables(db)], async () => {
    for (const name of STORED_TABLES) await db.table(name).clear();
    for (const table of searchTables(db)) await table.clear();
  });
}

/**
 * The whole backup file as one string: for tests and small stores only (the extension hands
 * it out a few lines per message, backup-stream.ts).
 * @example const text = await exportBackup(db, new Date());
 */
export async function exportBackup(db: StoreDb, now: Date): Promise<string> {
  const cursor = await openBackupCursor(db, now);
  const lines: string[] = [];
  for (;;) {
    const part = await cursor.next();
    lines.push(...part.lines);
    if (part.done) return [part.header!, ...lines].join('\n') + '\n';
  }
}

/** A backup's header and chunk lines, from format-2 text or a format-1 object (or its text). */
function linesOf(input: unknown): { header: string; lines: string[] } {
  if (typeof input === 'string') {
    const lines = input.split('\n').filter((l) => l.length > 0);
    try {
      if ((JSON.parse(lines[0] ?? '') as { version?: unknown })?.version === BACKUP_VERSION) return { header: lines[0]!, lines: lines.slice(1) };
      return legacyBackupLines(JSON.parse(input));
    } catch {
      return { header: input, lines: [] }; // the checker names the problem
    }
  }
  return legacyBackupLines(input);
}

/**
 * Checks a whole backup without touching the store: the rows per table, or BackupError.
 * @example validateBackup(await exportBackup(db, new Date())).listings
 */
export function validateBackup(input: unknown): Record<TableName, number> {
  const { header, lines } = linesOf(input);
  const checker = new BackupChecker(header);
  for (const line of lines) checker.check(line);
  return checker.finish();
}

/**
 * Restores a whole backup held in memory (format-2 text, or a format-1 object or text) with
 * the same two passes as the extension's restore (backup-restore.ts): for tests and small files.
 * @example await restoreBackup(db, await exportBackup(db, new Date()))
 */
export async function restoreBackup(db: StoreDb, input: unknown, now: Date = new Date()): Promise<Record<TableName, number>> {
  const { header, lines } = linesOf(input);
  const session = new RestoreSession(header);
  session.check(lines);
  await session.replace(db, now);
  await session.write(db, lines, now);
  return session.finish(db);
}
