/**
 * Performance marks the page reader emits when its debug `marks` option is set, in order, for
 * each read cycle: the ui bench (scripts/bench/ui.ts) times the panels between them. A module of
 * its own so the bench imports what the reader marks.
 */
export const MARKS = {
  /** The adapter has the rows. */
  read: 'stock-copilot:rows-read',
  /** Every row has its panel (pending ones until the background answers). */
  mounted: 'stock-copilot:panels-mounted',
  /** The background answered for this read. */
  answered: 'stock-copilot:answered',
  /** The answered panels are rendered. */
  rendered: 'stock-copilot:panels-rendered',
} as const;
