/**
 * Inventory-age bucket columns, one vocabulary for page headers ("0-90 days", "库龄 365 天以上",
 * "Mehr als 365 Tage") and report headers ("inv-age-91-to-180-days", "ATS age 0-90 days"): a
 * header is a bucket when its day range ends it and either an age word comes before the range
 * or the header is the range alone with its day word. So "Units sold last 30 days", "Price
 * 10-20" and "estimated-ais-181-210-days" (money per bucket) are not buckets.
 */
import { headerWords } from './headers';

/** Words that say the numbers after them are an age ("库龄", "Alter", "在庫経過日数"), in every language the sites use. */
const AGE = String.raw`(?:age|âge|età|antigüedad|库龄|庫齢|alter|lagerdauer|在庫|保管期間|ats)`;
const DAY = String.raw`(?:days?|天|tage|日|jours|giorni|días|dias)`;
const N = String.raw`(\d{1,4})`;
/** Between the two ends of a range (hyphens and dashes are spaces in headerWords). */
const TO = String.raw`(?:\s*(?:to|bis|至|到|~|〜)\s*|\s+(?:à|a)\s+|\s+)`;
const OPEN_AFTER = String.raw`(?:\+|plus|以上|或以上|und mehr|over|more|or more|and more|et plus|y más|e oltre)`;
const OPEN_BEFORE = String.raw`(?:over|more than|über|mehr als|超过|plus de|oltre|más de)`;

/** The bucket forms that end a header: [pattern, whether it names the day unit]. */
const RANGE = new RegExp(String.raw`${N}${TO}${N}\s*(${DAY})?\s*$`);
const OPEN = new RegExp(String.raw`${N}\s*(?:${OPEN_AFTER}\s*(${DAY})?|(${DAY})\s*${OPEN_AFTER})\s*$`);
const OPEN_PREFIX = new RegExp(String.raw`${OPEN_BEFORE}\s*${N}\s*(${DAY})?\s*$`);
const AGED = new RegExp(AGE);

/**
 * The day range a column header names, if it is an inventory-age bucket (any spelling: page text
 * or a report's machine header).
 * @example ageBucketOf('Inventory age 91-180 days') // { minDays: 91, maxDays: 180 }
 * @example ageBucketOf('inv-age-365-plus-days') // { minDays: 365, maxDays: null }
 * @example ageBucketOf('Mehr als 365 Tage') // { minDays: 365, maxDays: null }
 * @example ageBucketOf('Units sold last 30 days') // undefined
 */
export function ageBucketOf(header: string): { minDays: number; maxDays: number | null } | undefined {
  const words = headerWords(header.slice(0, 200));
  let bucket: { minDays: number; maxDays: number | null } | undefined;
  let m = RANGE.exec(words);
  let named = false;
  if (m) {
    const [min, max] = [Number(m[1]), Number(m[2])];
    if (min > max) return undefined;
    bucket = { minDays: min, maxDays: max };
    named = m[3] !== undefined;
  } else if ((m = OPEN.exec(words) ?? OPEN_PREFIX.exec(words))) {
    bucket = { minDays: Number(m[1]), maxDays: null };
    named = m[2] !== undefined || m[3] !== undefined;
  }
  if (!bucket || !m) return undefined;
  // An age word before the numbers, or nothing before them but the bucket itself with its day word.
  const before = words.slice(0, m.index);
  if (AGED.test(before)) return bucket;
  return named && before.trim() === '' ? bucket : undefined;
}
