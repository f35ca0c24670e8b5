/**
 * Strings of backups and restores (components/options/BackupControls.tsx): progress, the
 * problems a backup or restore can meet (one per code of BACKUP_PROBLEMS,
 * lib/messaging/protocol-backup.ts), and a restore that did not finish.
 */
import type { BackupProblemCode } from '../messaging/protocol-backup';

export const backupEn = {
  'backup.progress.backup': 'Writing the backup: {rows} rows so far…',
  'backup.progress.check': 'Checking the file: {rows} rows so far…',
  'backup.progress.write': 'Restoring: {rows} of {total} rows…',
  'backup.progress.label': 'Progress',
  'backup.failed': 'The backup was not written: {problem}',
  'backup.cutOff': 'The restore stopped part-way: {problem} Your data is incomplete: restore the same file again, or delete all data.',
  'backup.interrupted':
    'A restore started {time} did not finish (the browser closed, or the disk was full): your data is incomplete. Restore the backup file again, or delete all data.',
  'backup.detail': '({detail})',
  'backup.problem.not-json': 'this file is not a backup: it is not JSON, or it is damaged.',
  'backup.problem.not-backup': 'this file is not a Stock Copilot backup.',
  'backup.problem.newer-version': 'this backup was made by a newer version of the extension. Update the extension, then restore.',
  'backup.problem.damaged': 'this backup is damaged.',
  'backup.problem.truncated': 'this backup is incomplete: the file was cut off.',
  'backup.problem.checksum': 'this backup is damaged: its rows differ from what it says it holds.',
  'backup.problem.duplicate': 'this backup is damaged: a row is repeated.',
  'backup.problem.missing-product': 'this backup is damaged: a listing’s product is missing.',
  'backup.problem.session-lost': 'the extension restarted meanwhile. Start again.',
  'backup.problem.file-changed': 'the file changed while it was being read. Start again.',
  'backup.problem.storage-full':
    'the browser has no room left for the extension’s data. Free disk space, or keep page readings for fewer days in the settings (older ones are summarised), then try again.',
  'backup.problem.other': 'an unexpected error ({message}).',
  'backup.importStorageFull':
    'The browser has no room left for Stock Copilot: the batch being stored was not saved, and nothing of it is half-written (earlier batches were saved). Download a backup under "Your data", then keep page readings for fewer days in the settings (older ones are summarised into one reading a day) or delete data you no longer need, and import the file again: rows already stored are recognised, not doubled.',
} as const satisfies Record<`backup.problem.${BackupProblemCode}` | `backup.${string}`, string>;

export const backupZhCN: Record<keyof typeof backupEn, string> = {
  'backup.progress.backup': '正在写入备份：已写 {rows} 行…',
  'backup.progress.check': '正在检查文件：已检查 {rows} 行…',
  'backup.progress.write': '正在恢复：{rows} / {total} 行…',
  'backup.progress.label': '进度',
  'backup.failed': '备份未写入：{problem}',
  'backup.cutOff': '恢复中途停止：{problem} 您的数据不完整：请再次恢复同一文件，或删除所有数据。',
  'backup.interrupted': '{time} 开始的恢复没有完成（浏览器已关闭或磁盘已满）：您的数据不完整。请再次恢复备份文件，或删除所有数据。',
  'backup.detail': '（{detail}）',
  'backup.problem.not-json': '此文件不是备份：它不是 JSON，或已损坏。',
  'backup.problem.not-backup': '此文件不是库存助手备份。',
  'backup.problem.newer-version': '此备份由更新版本的扩展创建。请先更新扩展，再恢复。',
  'backup.problem.damaged': '此备份已损坏。',
  'backup.problem.truncated': '此备份不完整：文件被截断。',
  'backup.problem.checksum': '此备份已损坏：其中的行与它声明的内容不一致。',
  'backup.problem.duplicate': '此备份已损坏：有重复的行。',
  'backup.problem.missing-product': '此备份已损坏：缺少某个商品所属的产品。',
  'backup.problem.session-lost': '扩展在此期间重新启动了。请重新开始。',
  'backup.problem.file-changed': '读取期间文件发生了变化。请重新开始。',
  'backup.problem.storage-full': '浏览器没有空间保存扩展的数据。请释放磁盘空间，或在设置中缩短页面读取记录的保留天数（较早的记录会被汇总），然后重试。',
  'backup.problem.other': '意外错误（{message}）。',
  'backup.importStorageFull':
    '浏览器没有空间保存库存助手的数据：正在保存的这一批未保存，也没有写入一半的数据（之前的批次已保存）。请在"您的数据"中下载备份，然后在设置中缩短页面读取记录的保留天数（较早的记录会汇总为每天一条），或删除不再需要的数据，再重新导入该文件：已保存的行会被识别，不会重复。',
};
