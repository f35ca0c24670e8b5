/**
 * The options page's half of backups and restores (protocol-backup.ts): a backup is collected
 * as Blob parts (the browser keeps large blobs out of the page's memory) and never joined into
 * one string; a restore reads the file in slices, a few lines per message, twice (check, then
 * write). Independent of React and of the browser's messaging: the caller passes its client.
 */
import { BACKUP_MESSAGE_BYTES, backupProblemMessage, legacyBackupLines } from './protocol-backup';
import type { MessageType, RequestOf, ResponseOf } from './protocol';

/** The typed client (rpc.ts createClient), or anything that answers like it. */
type BackupRpc = <K extends MessageType>(type: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

/** Where a backup or restore is: rows done of `total` (null while unknown). */
export interface BackupProgress {
  phase: 'backup' | 'check' | 'write';
  done: number;
  total: number | null;
  rows: number;
}

/** Bytes read from a file at a time. */
const SLICE_BYTES = 4 * 1024 * 1024;
/** An old single-JSON backup is read whole: they were at most 64 MiB (one message). */
const LEGACY_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Writes a backup: asks for its lines until done, as Blob parts behind the header line.
 * @example const { blob, rows } = await downloadBackup(rpc, (p) => setProgress(p));
 */
export async function downloadBackup(rpc: BackupRpc, onProgress: (p: BackupProgress) => void = () => {}): Promise<{ blob: Blob; rows: number }> {
  const { backupId, steps } = await rpc('backup/begin', {});
  const parts: Blob[] = [];
  for (;;) {
    const part = await rpc('backup/next', { backupId });
    if (part.lines.length) parts.push(new Blob(part.lines.flatMap((l) => [l, '\n'])));
    onProgress({ phase: 'backup', done: Math.min(part.step, steps), total: steps, rows: part.rows });
    if (part.done) return { blob: new Blob([`${part.header ?? ''}\n`, ...parts], { type: 'application/x-ndjson' }), rows: part.rows };
  }
}

/**
 * Calls `visit` with the lines of a blob from byte `start` on, in batches of at most
 * BACKUP_MESSAGE_BYTES characters, reading `sliceBytes` at a time (empty lines skipped).
 * @example await forEachLineBatch(file, 0, async (lines) => send(lines));
 */
export async function forEachLineBatch(blob: Blob, start: number, visit: (lines: string[]) => Promise<void>, sliceBytes = SLICE_BYTES): Promise<void> {
  const decoder = new TextDecoder();
  let carry = '';
  let batch: string[] = [];
  let size = 0;
  const add = async (raw: string) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line) return;
    if (line.length > BACKUP_MESSAGE_BYTES) throw new Error(backupProblemMessage('damaged', 'a line is too long'));
    if (batch.length && size + line.length > BACKUP_MESSAGE_BYTES) {
      await visit(batch);
      batch = [];
      size = 0;
    }
    batch.push(line);
    size += line.length;
  };
  for (let at = start; at < blob.size; at += sliceBytes) {
    const lines = (carry + decoder.decode(await blob.slice(at, at + sliceBytes).arrayBuffer(), { stream: true })).split('\n');
    carry = lines.pop()!;
    if (carry.length > BACKUP_MESSAGE_BYTES) throw new Error(backupProblemMessage('damaged', 'a line is too long'));
    for (const line of lines) await add(line);
  }
  await add(carry + decoder.decode());
  if (batch.length) await visit(batch);
}

/** The first line of a blob and the byte after it, or undefined when the first SLICE_BYTES hold no newline. */
async function firstLine(blob: Blob): Promise<{ text: string; next: number } | undefined> {
  const bytes = new Uint8Array(await blob.slice(0, SLICE_BYTES).arrayBuffer());
  const end = bytes.indexOf(10);
  if (end < 0) return undefined;
  return { text: new TextDecoder().decode(bytes.subarray(0, end)).replace(/\r$/, ''), next: end + 1 };
}

/** A backup file as its header and a way to walk its chunk lines (again and again). */
interface BackupSource {
  header: string;
  forEach(visit: (lines: string[]) => Promise<void>): Promise<void>;
}

/**
 * The file's header and lines: format 2 streamed from the file; anything else read whole as
 * an old single-JSON backup and cut into the same lines (legacyBackupLines).
 * @example const source = await backupSource(file);
 */
async function backupSource(file: Blob): Promise<BackupSource> {
  const first = await firstLine(file);
  let head: unknown;
  try {
    head = first ? JSON.parse(first.text) : undefined;
  } catch {
    head = undefined;
  }
  const version = (head as { version?: unknown } | undefined)?.version;
  if (first && typeof version === 'number' && version >= 2) {
    return { header: first.text, forEach: (visit) => forEachLineBatch(file, first.next, visit) };
  }
  if (file.size > LEGACY_MAX_BYTES) throw new Error(backupProblemMessage('not-json'));
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw new Error(backupProblemMessage('not-json'));
  }
  const { header, lines } = legacyBackupLines(data);
  return {
    header,
    async forEach(visit) {
      let batch: string[] = [];
      let size = 0;
      for (const line of lines) {
        if (batch.length && size + line.length > BACKUP_MESSAGE_BYTES) {
          await visit(batch);
          batch = [];
          size = 0;
        }
        batch.push(line);
        size += line.length;
      }
      if (batch.length) await visit(batch);
    },
  };
}

/**
 * Restores a backup file: checks all of it (nothing changes if any of it is wrong), then
 * replaces the data and writes it again line by line. Returns the rows per table.
 * @example const { rows } = await restoreBackupFile(file, rpc, setProgress);
 */
export async function restoreBackupFile(
  file: Blob,
  rpc: BackupRpc,
  onProgress: (p: BackupProgress) => void = () => {},
): Promise<ResponseOf<'backup/restore-finish'>> {
  const source = await backupSource(file);
  const { restoreId, rows: declared } = await rpc('backup/restore-begin', { header: source.header });
  await source.forEach(async (lines) => {
    const { rows } = await rpc('backup/restore-check', { restoreId, lines });
    onProgress({ phase: 'check', done: rows, total: declared, rows });
  });
  const { tables } = await rpc('backup/restore-replace', { restoreId });
  const total = Object.values(tables).reduce((n, c) => n + c, 0);
  onProgress({ phase: 'write', done: 0, total, rows: 0 });
  await source.forEach(async (lines) => {
    const { rows } = await rpc('backup/restore-write', { restoreId, lines });
    onProgress({ phase: 'write', done: rows, total, rows });
  });
  return rpc('backup/restore-finish', { restoreId });
}
