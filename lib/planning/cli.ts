/**
 * The batch CLI's logic (scripts/plan.ts only wires stdin/stdout): JSON lines of observation
 * records in, JSON lines of plans out, and one clear message per bad line.
 */
import { observationSchema, type Observation } from '../records';
import { implausibility } from '../plausible';
import type { Settings } from '../settings/schema';
import { dayNumber } from './days';
import { planFromObservations, type PlanExtras } from './plan';
import type { SkuPlan } from './types';

export interface LineError {
  /** 1-based line number in the input. */
  line: number;
  message: string;
}

/**
 * Parses JSON lines; blank lines are skipped, bad lines reported (the good ones are kept),
 * records that cannot be true (lib/plausible.ts; readings after `today`) included.
 * @example parseObservationLines('{"kind":"order"}\n').errors[0].line // 1
 */
export function parseObservationLines(text: string, today = new Date().toISOString().slice(0, 10)): { observations: Observation[]; errors: LineError[] } {
  const observations: Observation[] = [];
  const errors: LineError[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      errors.push({ line: i + 1, message: `not JSON (${(error as Error).message})` });
      continue;
    }
    const parsed = observationSchema.safeParse(json);
    if (parsed.success) {
      const badDate = unrealDate(parsed.data);
      const implausible = badDate ? null : implausibility(parsed.data, today);
      if (badDate) errors.push({ line: i + 1, message: `not an observation record: ${badDate}: not a real calendar date` });
      else if (implausible) errors.push({ line: i + 1, message: `not a believable record: ${implausible}` });
      else observations.push(parsed.data);
    } else {
      const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);
      errors.push({ line: i + 1, message: `not an observation record: ${problems.join('; ')}` });
    }
  }
  return { observations, errors };
}

/** The first date field holding a day that does not exist (2023-02-29), if any. */
function unrealDate(o: Observation): string | null {
  const fields: [string, string | undefined][] = [['observedDate', o.observedDate]];
  if (o.kind === 'order') fields.push(['orderDate', o.orderDate]);
  else fields.push(['startDate', o.startDate], ['recommendedShipDate', o.recommendedShipDate]);
  for (const [name, value] of fields) if (value !== undefined && !Number.isFinite(dayNumber(value))) return name;
  return null;
}

/**
 * Parses `--now YYYY-MM-DD` (noon UTC that day, so every marketplace zone is on the same date,
 * from UTC-11 to UTC+11) or a full ISO instant.
 * @example parseNow('2026-03-01')?.toISOString() // '2026-03-01T12:00:00.000Z'
 */
export function parseNow(value: string | undefined): Date | null {
  if (!value) return null;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The whole batch: plan lines (one JSON object each, in key order) and error lines.
 * @example planJsonLines(text, defaultSettings(), now).output.split('\n')[0] // '{"key":"amazon|amazon.com|MUG-1",...}'
 */
export function planJsonLines(text: string, settings: Settings, now: Date, extras?: PlanExtras): { output: string; errors: LineError[]; plans: SkuPlan[] } {
  const { observations, errors } = parseObservationLines(text, now.toISOString().slice(0, 10));
  const plans = planFromObservations(observations, settings, now, extras);
  return { output: plans.map((p) => JSON.stringify(p)).join('\n') + (plans.length ? '\n' : ''), errors, plans };
}
