/**
 * Messages of backups and restores of any size (lib/store/backup-stream.ts,
 * lib/store/backup-restore.ts), merged into the one protocol map in protocol.ts. A backup file
 * is newline-delimited JSON (lib/store/backup-format.ts): the background hands it out a few
 * lines per message (`backup/next`) and takes it back a few lines per message, so no message
 * carries the whole store. Restores read the file twice: every line is checked first
 * (`backup/restore-check`), and only when all of it is sound is the store cleared and written
 * (`backup/restore-write`). Only the extension's own pages may send these, and only the
 * options page those of a restore (it replaces the whole store).
 */
import { z } from 'zod';
import { codedErrorMessage, codedErrorOf } from './coded-error';

/**
 * Everything a backup or restore can refuse, declared once: the background throws them
 * (backupProblemMessage), the options page reads them back (backupProblemOf) and shows
 * `backup.problem.<code>` in the seller's language.
 */
const BACKUP_PROBLEMS = [
  /** The file is not JSON (damaged, or not a backup at all). */
  'not-json',
  /** JSON, but not a Stock Copilot backup. */
  'not-backup',
  /** Written by a newer extension (backup format or database schema). */
  'newer-version',
  /** A line or row is malformed (the detail names where). */
  'damaged',
  /** The file ends early (lines or rows missing, or the end of the file cut off). */
  'truncated',
  /** A row's content differs from what the backup's header promised (checksum). */
  'checksum',
  /** Two rows of a table with one key, or rows out of order. */
  'duplicate',
  /** A listing names a product the backup does not hold. */
  'missing-product',
  /** The background restarted or another backup/restore started: begin again. */
  'session-lost',
  /** The file changed between the check and the write. */
  'file-changed',
  /** The browser has no room left. */
  'storage-full',
] as const;
export type BackupProblemCode = (typeof BACKUP_PROBLEMS)[number];

const FAMILY = 'backup';

/**
 * The text of an error the background throws for a problem: a code the options page
 * translates, then an English detail naming where (row, table), shown as data.
 * @example backupProblemMessage('damaged', 'observations row 12: observedAt') // 'backup:damaged observations row 12: observedAt'
 */
export function backupProblemMessage(code: BackupProblemCode, detail = ''): string {
  return codedErrorMessage(FAMILY, code, detail);
}

/**
 * The problem an error carries, or undefined for any other error.
 * @example backupProblemOf(new Error('backup:truncated plans: 3 of 5 rows')) // { code: 'truncated', detail: 'plans: 3 of 5 rows' }
 */
export function backupProblemOf(error: unknown): { code: BackupProblemCode; detail: string } | undefined {
  return codedErrorOf(FAMILY, BACKUP_PROBLEMS, error);
}

/** Rows per chunk line at most. */
export const CHUNK_ROWS = 5_000;
/** A chunk line is closed once its text passes this many characters. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Packs row texts (JSON) of one table into chunk lines of at most CHUNK_ROWS rows and about
 * CHUNK_BYTES characters (a single larger row gets a line of its own).
 * @example chunkLines('products', ['{"id":"a"}']) // ['{"table":"products","rows":[{"id":"a"}]}']
 */
export function chunkLines(table: string, rowTexts: readonly string[]): string[] {
  const out: string[] = [];
  let batch: string[] = [];
  let size = 0;
  const close = () => {
    if (batch.length) out.push(`{"table":${JSON.stringify(table)},"rows":[${batch.join(',')}]}`);
    batch = [];
    size = 0;
  };
  for (const text of rowTexts) {
    if (batch.length && (batch.length >= CHUNK_ROWS || size + text.length > CHUNK_BYTES)) close();
    batch.push(text);
    size += text.length + 1;
  }
  close();
  return out;
}

/** Bytes of lines per message either way: far below the browser's 64 MiB message limit. */
export const BACKUP_MESSAGE_BYTES = 8 * 1024 * 1024;

const sessionId = z.string().min(1).max(80);
/** Lines of the backup file (without their newline), at most BACKUP_MESSAGE_BYTES in all. */
const lines = z
  .array(z.string().max(BACKUP_MESSAGE_BYTES))
  .max(10_000)
  .refine((ls) => ls.reduce((n, l) => n + l.length, 0) <= BACKUP_MESSAGE_BYTES, { message: 'Too many bytes in one message' });
const perTable = z.record(z.string(), z.number().int().min(0));

export const backupProtocol = {
  /**
   * Starts writing a backup (one at a time: a new one ends the previous). `steps` is how many
   * `backup/next` answers it will take, for the progress bar.
   */
  'backup/begin': {
    senders: ['extension'],
    request: z.object({}),
    response: z.object({ backupId: sessionId, steps: z.number().int().min(1) }),
  },
  /**
   * The next lines of the file. When `done`, `header` is the file's first line (format,
   * versions, rows and checksum per table), known only once every row was read.
   */
  'backup/next': {
    senders: ['extension'],
    request: z.object({ backupId: sessionId }),
    response: z.object({
      lines: z.array(z.string()),
      step: z.number().int().min(0),
      rows: z.number().int().min(0),
      done: z.boolean(),
      header: z.string().optional(),
    }),
  },
  /** Starts a restore with the file's first line (for an old single-JSON backup, its header fields); nothing changes yet. */
  'backup/restore-begin': {
    senders: ['options'],
    request: z.object({ header: z.string().min(1).max(1_000_000) }),
    response: z.object({ restoreId: sessionId, rows: z.number().int().nullable() }),
  },
  /** First pass: checks the next lines, in file order; nothing is stored. */
  'backup/restore-check': {
    senders: ['options'],
    request: z.object({ restoreId: sessionId, lines }),
    response: z.object({ rows: z.number().int() }),
  },
  /**
   * After the whole file checked out (counts, checksums, references): clears the store, marking
   * it as being restored until `backup/restore-finish`.
   */
  'backup/restore-replace': {
    senders: ['options'],
    request: z.object({ restoreId: sessionId }),
    response: z.object({ tables: perTable }),
  },
  /** Second pass: the same lines again, each checked to be the one the first pass saw, then stored. */
  'backup/restore-write': {
    senders: ['options'],
    request: z.object({ restoreId: sessionId, lines }),
    response: z.object({ rows: z.number().int() }),
  },
  /** Every line written: rebuilds what is derived, clears the mark, re-plans. */
  'backup/restore-finish': {
    senders: ['options'],
    request: z.object({ restoreId: sessionId }),
    response: z.object({ rows: z.number().int(), tables: perTable }),
  },
  /** Whether a restore was cut off after the store was cleared (browser closed): the data is incomplete. */
  'backup/status': {
    senders: ['extension'],
    request: z.object({}),
    response: z.object({ interruptedRestore: z.object({ startedAt: z.string(), rows: z.number().int() }).nullable() }),
  },
} as const;

/**
 * A backup of format 1 (one JSON object holding every table, as versions before format 2
 * wrote it) as the header and chunk lines of format 2, for the same two-pass restore. Anything
 * else passes through as a header the background refuses with the right problem.
 * @example legacyBackupLines({ format: 'stock-copilot-backup', version: 1, tables: { products: [] } }).lines // ['{"table":"products","rows":[]}']
 */
export function legacyBackupLines(data: unknown): { header: string; lines: string[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { header: JSON.stringify(data) ?? 'null', lines: [] };
  const { tables, ...fields } = data as { tables?: unknown };
  const lines: string[] = [];
  if (typeof tables === 'object' && tables !== null) {
    for (const [table, rows] of Object.entries(tables)) {
      if (!Array.isArray(rows) || rows.length === 0) lines.push(JSON.stringify({ table, rows }));
      else
        lines.push(
          ...chunkLines(
            table,
            rows.map((r) => JSON.stringify(r) ?? 'null'),
          ),
        );
    }
  }
  return { header: JSON.stringify(fields), lines };
}
