import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachLineBatch } from './backup-client';
import { backupProblemMessage, backupProblemOf, chunkLines, legacyBackupLines } from './protocol-backup';

async function linesOf(blob: Blob, start: number, sliceBytes: number): Promise<string[]> {
  const out: string[] = [];
  await forEachLineBatch(blob, start, async (lines) => void out.push(...lines), sliceBytes);
  return out;
}

describe('reading a backup file in slices', () => {
  it('gives back every line whatever the slice size, multi-byte characters cut across slices included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => !/[\n\r]/.test(s)),
          { maxLength: 20 },
        ),
        fc.integer({ min: 1, max: 17 }),
        fc.boolean(),
        async (lines, slice, crlf) => {
          const blob = new Blob([lines.map((l) => `${l}${crlf ? '\r\n' : '\n'}`).join('')]);
          expect(await linesOf(blob, 0, slice)).toEqual(lines);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('starts after the header line and reads a last line without a newline', async () => {
    expect(await linesOf(new Blob(['{"h":1}\nA\nB']), 8, 2)).toEqual(['A', 'B']);
  });
});

describe('backup problems and lines', () => {
  it('carries a problem code and its detail through an error message', () => {
    expect(backupProblemOf(new Error(backupProblemMessage('truncated', 'plans: 3 of 5 rows')))).toEqual({ code: 'truncated', detail: 'plans: 3 of 5 rows' });
    expect(backupProblemOf(new Error(backupProblemMessage('session-lost')))).toEqual({ code: 'session-lost', detail: '' });
    expect(backupProblemOf(new Error('backup:nonsense x'))).toBeUndefined();
    expect(backupProblemOf(new Error('No reply'))).toBeUndefined();
  });

  it('packs rows into chunk lines of at most 5,000 rows', () => {
    const lines = chunkLines(
      'products',
      Array.from({ length: 12_001 }, (_, i) => `{"id":"${i}"}`),
    );
    expect(lines.map((l) => JSON.parse(l).rows.length)).toEqual([5000, 5000, 2001]);
  });

  it('cuts a format-1 backup into a header and chunk lines, keeping an empty table as an empty chunk', () => {
    const { header, lines } = legacyBackupLines({ format: 'stock-copilot-backup', version: 1, tables: { products: [{ id: 'p' }], plans: [] } });
    expect(JSON.parse(header)).toEqual({ format: 'stock-copilot-backup', version: 1 });
    expect(lines).toEqual(['{"table":"products","rows":[{"id":"p"}]}', '{"table":"plans","rows":[]}']);
    expect(legacyBackupLines('hello')).toEqual({ header: '"hello"', lines: [] });
  });
});
