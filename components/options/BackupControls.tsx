import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime, formatNumber, type MessageKey } from '@/lib/i18n';
import { downloadBackup, restoreBackupFile, type BackupProgress } from '@/lib/messaging/backup-client';
import { backupProblemOf } from '@/lib/messaging/protocol-backup';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { datedName, saveFile } from './format';

type Translate = ReturnType<typeof useI18n>['t'];

/**
 * What went wrong, in the seller's language: the problem's sentence and, when the background
 * named where, that detail (English data: table, row, field).
 * @example problemText(t, new Error('backup:truncated plans: 3 of 5 rows'))
 */
function problemText(t: Translate, error: unknown): string {
  const problem = backupProblemOf(error);
  if (!problem) return t('backup.problem.other', { message: error instanceof Error ? error.message : String(error) });
  const sentence = t(`backup.problem.${problem.code}` as MessageKey);
  return problem.detail ? `${sentence} ${t('backup.detail', { detail: problem.detail })}` : sentence;
}

/** A progress bar with its words: rows so far, and how far when the total is known. */
function ProgressLine({ progress }: { progress: BackupProgress }) {
  const { t, language } = useI18n();
  const rows = formatNumber(language, progress.rows);
  const text =
    progress.phase === 'backup'
      ? t('backup.progress.backup', { rows })
      : progress.phase === 'check'
        ? t('backup.progress.check', { rows })
        : t('backup.progress.write', { rows, total: formatNumber(language, progress.total ?? 0) });
  return (
    <p role="status" data-testid="backup-progress">
      <progress aria-label={t('backup.progress.label')} max={progress.total ?? undefined} value={progress.total ? progress.done : undefined} /> {text}
    </p>
  );
}

/** Download backup: written a few lines per message into a Blob, with a progress bar. */
export function BackupButton() {
  const { t, language } = useI18n();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const backup = useMutation({
    mutationFn: () => downloadBackup(rpc, setProgress),
    onSuccess: ({ blob }) => saveFile(datedName('stock-copilot-backup', 'ndjson'), blob, 'application/x-ndjson'),
    onSettled: () => setProgress(null),
  });
  return (
    <div className="actions">
      <button type="button" disabled={backup.isPending} onClick={() => backup.mutate()}>
        {t('options.data.backup')}
      </button>
      {progress && <ProgressLine progress={progress} />}
      {backup.isSuccess && (
        <span role="status" data-testid="backup-result">
          {t('options.data.backupDone', { rows: formatNumber(language, backup.data.rows) })}
        </span>
      )}
      {backup.isError && (
        <p role="alert" data-testid="backup-result">
          {t('backup.failed', { problem: problemText(t, backup.error) })}
        </p>
      )}
    </div>
  );
}

/** Restore from a file: checked whole first (data untouched if refused), then written, with a progress bar. */
export function RestoreField() {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const restore = useMutation({
    mutationFn: (file: File) => restoreBackupFile(file, rpc, setProgress),
    // Every view shows stored data, and the store was replaced (or partly, when cut off).
    onSettled: () => void queryClient.invalidateQueries(),
  });
  // A failure once writing began leaves the data incomplete: say so, not "unchanged".
  const cutOff = restore.isError && progress?.phase === 'write';
  return (
    <>
      <div className="field">
        <label htmlFor="restore-file">{t('options.data.restore')}</label>
        <input
          id="restore-file"
          type="file"
          accept=".ndjson,.jsonl,.json,application/json,application/x-ndjson"
          disabled={restore.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setProgress(null);
            if (file) restore.mutate(file);
            e.target.value = '';
          }}
        />
      </div>
      {restore.isPending && progress && <ProgressLine progress={progress} />}
      {restore.isSuccess && (
        <p role="status" data-testid="restore-result">
          {t('options.data.restoreDone', { rows: formatNumber(language, restore.data.rows) })}
        </p>
      )}
      {restore.isError && (
        <p role="alert" data-testid="restore-result">
          {cutOff
            ? t('backup.cutOff', { problem: problemText(t, restore.error) })
            : t('options.data.restoreRefused', { message: problemText(t, restore.error) })}
        </p>
      )}
    </>
  );
}

/** Says so when a restore was cut off after the store was cleared (the data is incomplete). */
export function InterruptedRestoreNotice() {
  const { t, language } = useI18n();
  const status = useQuery({ queryKey: ['backup/status'], queryFn: () => rpc('backup/status', {}) });
  const marker = status.data?.interruptedRestore;
  if (!marker) return null;
  const time = formatDateTime(language, marker.startedAt);
  return (
    <p role="alert" data-testid="restore-interrupted">
      {t('backup.interrupted', { time })}
    </p>
  );
}
