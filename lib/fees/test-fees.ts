/** What the fee tests share: the amazon.com FBA schedule in force on a day. */
import { scheduleOn, type FeeSchedule } from './index';

/** The amazon.com FBA schedule on `day`; throws when none is known (a test expects one). */
export function fbaOn(day: string): FeeSchedule {
  const s = scheduleOn('amazon.com', 'fba', day);
  if (!s) throw new Error(`no amazon.com FBA schedule on ${day}`);
  return s;
}
