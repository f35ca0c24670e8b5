/** One table printed by `npm run bench`. Each file in scripts/bench/ (other than this one) default-exports a BenchSuite. */
export interface BenchTable {
  title: string;
  /** Where it ran, e.g. "Node 20, one core" or "happy-dom". */
  environment: string;
  columns: string[];
  rows: (string | number)[][];
  /** Optional lines printed under the table (targets, notes). */
  notes?: string[];
}
export type BenchSuite = () => Promise<BenchTable[]>;
