/**
 * Collects diagnostics for one file without letting a broken column bury the seller in
 * 100,000 messages: each code is listed for its first few lines, then counted, and the
 * count is reported once at the end.
 */
import { t, type Language } from '../i18n';
import { importEn } from '../i18n/messages-import';
import type { Diagnostic } from '../records';

/** Every problem an import can report (lib/i18n/messages-import.ts says each one in both languages). */
export type ProblemCode = CodeOf<keyof typeof importEn>;
/** Distributes over the catalogue's keys: the problem codes, not the reasons. */
type CodeOf<K> = K extends `import.problem.${infer Code}` ? Code : never;
type Params = Record<string, string | number>;

/**
 * A diagnostic whose English message is the catalogue's text for its code.
 * @example problem('error', 'missing-sku', {}, 12).message // 'Line skipped: the row has no SKU.'
 */
export function problem(level: Diagnostic['level'], code: ProblemCode, params: Params = {}, row?: number): Diagnostic {
  return {
    level,
    code,
    message: t('en', `import.problem.${code}`, withReason('en', params)),
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(row !== undefined ? { row } : {}),
  };
}

/**
 * A diagnostic's text in the seller's language: the catalogue's, when the code is an import
 * problem, else its own (English) message.
 * @example problemText('zh-CN', problem('error', 'missing-sku')) // '已跳过此行：没有 SKU。'
 */
export function problemText(language: Language, d: Pick<Diagnostic, 'code' | 'message' | 'params'>): string {
  const key = `import.problem.${d.code}`;
  if (!(key in importEn)) return d.message;
  return t(language, key as `import.problem.${ProblemCode}`, withReason(language, d.params ?? {}));
}

/**
 * The catalogue key of a reason a value or a range was refused for ('not a number' from
 * lib/reports/values.ts, or a range check's own key).
 * @example reasonKey('not a number') // 'import.reason.not-a-number'
 */
export function reasonKey(reason: string): string {
  return `import.reason.${reason.replace(/ /g, '-')}`;
}

/** The params with their `reason` said in the language (with the params it needs), when the catalogue knows it. */
function withReason(language: Language, params: Params): Params {
  if (typeof params.reason !== 'string') return params;
  const key = reasonKey(params.reason);
  return key in importEn ? { ...params, reason: t(language, key as keyof typeof importEn, params) } : params;
}

/** Lines listed per diagnostic code before the rest are only counted. */
const LINES_LISTED_PER_CODE = 50;

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * Shortens a cell value for quoting in a message.
 * @example quoteValue('x'.repeat(100)).length // 40
 */
export function quoteValue(value: string): string {
  return cut(value.replace(/\s+/g, ' '), 40);
}

export class DiagnosticSink {
  private pending: Diagnostic[] = [];
  private readonly counts = new Map<string, { level: Diagnostic['level']; count: number }>();

  /** `beforeAdd` runs before each diagnostic is added (the parser settles the rows read before it, so problems stay in line order). */
  constructor(private readonly beforeAdd?: () => void) {}

  /** Adds a diagnostic (message and params cut to schema limits). */
  add(d: Diagnostic): void {
    this.beforeAdd?.();
    const key = `${d.level}:${d.code}`;
    const seen = this.counts.get(key) ?? { level: d.level, count: 0 };
    seen.count++;
    this.counts.set(key, seen);
    if (d.row !== undefined && seen.count > LINES_LISTED_PER_CODE) return;
    const params = d.params ? Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, typeof v === 'string' ? cut(v, 200) : v])) : undefined;
    this.pending.push({ ...d, code: cut(d.code, 60), message: cut(d.message, 500), ...(params ? { params } : {}) });
  }

  /** Diagnostics added since the last call. */
  take(): Diagnostic[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  /** One summary per code whose lines were not all listed. */
  summaries(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const [key, { level, count }] of this.counts) {
      if (count <= LINES_LISTED_PER_CODE) continue;
      const code = key.slice(key.indexOf(':') + 1);
      out.push(problem(level, 'more-lines', { code, count, listed: LINES_LISTED_PER_CODE }));
    }
    return out;
  }
}
