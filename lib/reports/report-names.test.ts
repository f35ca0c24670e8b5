import { describe, expect, it } from 'vitest';
import { t } from '../i18n';
import { importEn } from '../i18n/messages-import';
import { REPORTS } from './registry';

describe('report names', () => {
  it('every registered report has its name in both languages, the English one its definition title', () => {
    for (const report of REPORTS) {
      const key = `import.report.${report.id}` as keyof typeof importEn;
      expect(importEn[key], report.id).toBe(report.title);
      expect(t('zh-CN', key), report.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
