import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from '@/lib/settings/schema';
import { markdownLadderText, parseMarkdownLadder } from './markdown-ladder';

describe('parseMarkdownLadder', () => {
  it('reads any number of steps, sorted from the smallest discount, repeats dropped', () => {
    expect(parseMarkdownLadder('30, 10，100、15; 10')).toEqual([10, 15, 30, 100]);
    expect(parseMarkdownLadder('5')).toEqual([5]);
    expect(parseMarkdownLadder('5% 25%')).toEqual([5, 25]);
  });

  it('keeps what is not a number as NaN, and nothing as no steps, for the schema to refuse', () => {
    const withWord = parseMarkdownLadder('10, half');
    expect(withWord[1]).toBeNaN();
    const settings = defaultSettings();
    expect(settingsSchema.safeParse({ ...settings, clearance: { ...settings.clearance, ladderPct: withWord } }).success).toBe(false);
    expect(parseMarkdownLadder('  ')).toEqual([]);
    expect(settingsSchema.safeParse({ ...settings, clearance: { ...settings.clearance, ladderPct: [] } }).success).toBe(false);
  });

  it('shows the saved ladder the way it reads it back', () => {
    const ladder = defaultSettings().clearance.ladderPct;
    expect(parseMarkdownLadder(markdownLadderText(ladder))).toEqual(ladder);
  });
});
