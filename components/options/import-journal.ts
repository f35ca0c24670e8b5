/**
 * The journal of a running report import, in the options page's localStorage: written after
 * every stored batch, cleared when the import finishes, read when files are chosen again
 * (lib/import/pipeline.ts `resumableImport`). A journal that does not parse is ignored.
 */
import { z } from 'zod';
import type { ImportJournal, ImportProgress } from '@/lib/import/pipeline';
import { accountIdSchema } from '@/lib/records';

const KEY = 'stock-copilot.import-progress';

const progressSchema = z.object({
  importId: z.string().min(1).max(80),
  files: z.array(z.string().max(600)).max(100),
  batchesDone: z.number().int().min(0),
  rowsDone: z.number().int().min(0),
  rowsTotal: z.number().int().min(0),
  account: accountIdSchema.optional(),
});

export const importJournal: ImportJournal = {
  load(): ImportProgress | undefined {
    try {
      const parsed = progressSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  },
  save(progress) {
    localStorage.setItem(KEY, JSON.stringify(progress));
  },
  clear() {
    localStorage.removeItem(KEY);
  },
};
