/**
 * The clearance markdown ladder as the seller types it: percentages off, in any order, separated
 * by commas (also the Chinese ，and 、), semicolons or spaces. The planner tries the steps from
 * the smallest discount up, so they are sorted and repeats dropped; anything that is not a number
 * stays as NaN for the settings schema to refuse next to the field.
 * @example parseMarkdownLadder('30, 10，100') // [10, 30, 100]
 * @example parseMarkdownLadder('10, x') // [10, NaN]
 */
export function parseMarkdownLadder(text: string): number[] {
  const steps = text
    .split(/[,，、;；\s]+/)
    .filter((part) => part.trim() !== '')
    .map((part) => Number(part.replace(/%$/, '')));
  if (steps.some((n) => Number.isNaN(n))) return steps;
  return [...new Set(steps)].sort((a, b) => a - b);
}

/**
 * The ladder as the field shows it.
 * @example markdownLadderText([10, 20, 100]) // '10, 20, 100'
 */
export function markdownLadderText(steps: readonly number[]): string {
  return steps.map((n) => (Number.isNaN(n) ? '' : String(n))).join(', ');
}
