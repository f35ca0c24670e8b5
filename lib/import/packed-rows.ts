/**
 * One import batch's rows packed by column, as the options page keeps them between the preview
 * and the seller's confirmation and sends them to the background (`import/commit-packed`).
 * Why: the preview pass already parsed the file, so the storing pass need not parse it again
 * (issue 13: a second parse was a fifth of a 500,000-line import's storing time); a batch kept
 * as one string costs the page a Blob, not 10,000 objects, and a string crosses the message
 * channel far cheaper than the objects did. Rows of a file share most values (kind, platform,
 * source, reading time, often marketplace and currency), which a column holds once.
 *
 * Unpacked rows are checked with the row schema (observationSchema) like rows sent one by one,
 * so a packed batch accepts exactly what an `import/commit` batch does; a value all of a block's
 * rows share is checked once, and each column's distinct values once (lib/reports/row-check.ts).
 */
import { z } from 'zod';
import { listingObservationSchema, orderObservationSchema, type Observation } from '../records';
import { createRowChecker, rowOfColumns, type RowChecker, type SharedValue, type SharedValues } from '../reports/row-check';

type Kind = Observation['kind'];

/** Each kind's fields (its row schema's), `kind` left out: the only keys packed or unpacked. */
const FIELDS: Record<Kind, readonly string[]> = {
  listing: Object.keys(listingObservationSchema.shape).filter((k) => k !== 'kind'),
  order: Object.keys(orderObservationSchema.shape).filter((k) => k !== 'kind'),
};

/**
 * A run of rows of one kind: `same` holds the fields every row of the run has with one
 * (primitive) value, `cols` one value per row for the others (null: the row has none).
 */
interface PackedBlock {
  kind: Kind;
  n: number;
  same: Record<string, SharedValue>;
  cols: Record<string, unknown[]>;
}

/**
 * Packs rows (as the report parser gave them) into a string, in their order.
 * @example packedRowsSchema(5000, 1e6).parse(packRows(rows)) // rows, field for field
 */
export function packRows(rows: readonly Observation[]): string {
  const blocks: PackedBlock[] = [];
  for (let start = 0; start < rows.length;) {
    const kind = rows[start]!.kind;
    let end = start + 1;
    while (end < rows.length && rows[end]!.kind === kind) end++;
    blocks.push(packBlock(kind, rows.slice(start, end) as unknown as readonly Record<string, unknown>[]));
    start = end;
  }
  return JSON.stringify(blocks);
}

function packBlock(kind: Kind, rows: readonly Record<string, unknown>[]): PackedBlock {
  const block: PackedBlock = { kind, n: rows.length, same: {}, cols: {} };
  for (const field of FIELDS[kind]) {
    const first = rows[0]![field];
    const type = typeof first;
    if (first === undefined || type === 'string' || type === 'number' || type === 'boolean') {
      let i = 1;
      while (i < rows.length && rows[i]![field] === first) i++;
      if (i === rows.length) {
        if (first !== undefined) block.same[field] = first as SharedValue;
        continue;
      }
    }
    block.cols[field] = rows.map((r) => r[field] ?? null);
  }
  return block;
}

/**
 * The blocks' rows, in their order, each checked with its kind's row schema (column by column:
 * lib/reports/row-check.ts). A refused row is reported at `[row, field]`, the first of its block.
 */
function checkedRows(blocks: readonly PackedBlock[], ctx: z.RefinementCtx): Observation[] {
  const checker = createRowChecker();
  const rows: Observation[] = [];
  for (const { kind, n, same, cols } of blocks) {
    // Only the kind's own fields: a key such as `__proto__` in the message is never assigned.
    const columns = Object.fromEntries(FIELDS[kind].filter((f) => Object.hasOwn(cols, f)).map((f) => [f, cols[f]!]));
    const shared = Object.fromEntries(FIELDS[kind].filter((f) => Object.hasOwn(same, f) && !Object.hasOwn(cols, f)).map((f) => [f, same[f]!]));
    const checked = checker.checkColumns(kind, shared, columns, n) ?? firstRefusal(checker, kind, shared, columns, n);
    if (!Array.isArray(checked)) {
      for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [rows.length + checked.row, ...issue.path] });
      return z.NEVER;
    }
    for (const row of checked) rows.push(row);
  }
  return rows;
}

/** The first row of a block its row check refuses, and why (each column of the block is row i's value at i). */
function firstRefusal(
  checker: RowChecker,
  kind: Kind,
  shared: SharedValues,
  columns: Record<string, unknown[]>,
  n: number,
): { row: number; error: z.ZodError } {
  for (let i = 0; i < n; i++) {
    const checked = checker.check(kind, shared, rowOfColumns(columns, i));
    if (!checked.success) return { row: i, error: checked.error };
  }
  throw new Error('checkColumns refused a block whose every row check accepts');
}

/** The packed form's structure; what a row holds is the row schema's business (checked after unpacking). */
const packedBlockSchema = z
  .object({
    kind: z.enum(['listing', 'order']),
    n: z.number().int().min(1),
    // Only values the packer shares (primitives): a shared object would be one object in every row.
    same: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    // An array's values are checked in their rows: z.array would walk every value once more.
    cols: z.record(z.string(), z.custom<unknown[]>(Array.isArray, { message: 'A column is an array' })),
  })
  .refine((b) => Object.values(b.cols).every((column) => column.length === b.n), { message: 'A column has a value for each row' });

/**
 * A packed batch as a message carries it (a string), read and checked: at most `maxRows` rows,
 * each checked with its kind's row schema as a row sent on its own would be.
 * @example packedRowsSchema(5000, 1e6).parse(packRows(rows)) // rows, field for field
 */
export function packedRowsSchema(maxRows: number, maxChars: number) {
  return z
    .string()
    .max(maxChars)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Packed rows are not JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.array(packedBlockSchema))
    .refine((blocks) => blocks.reduce((n, b) => n + b.n, 0) <= maxRows, { message: `More than ${maxRows} rows in one batch` })
    .transform((blocks, ctx) => checkedRows(blocks as PackedBlock[], ctx));
}
