/**
 * Pooling of grouped series in fitContext (context.ts): how much of a member's forecast comes
 * from its group's total times its share, and over which window the share is measured, chosen
 * on pooled holdouts by the stockout-date error the pooling is for.
 */
import { startWeekday } from './clean-series.ts';
import { FREQ_SETTINGS, forecastClean } from './core.ts';
import { seasonOf } from './context-holdouts.ts';
import { mase, rmsse, stockoutDay } from './metrics.ts';
import { groupTotal, memberHistories, memberShare, pooledMean, poolGroups, totalForecast } from './pooling.ts';
import type { AnySeriesInput, ForecastContext, Freq } from './types.ts';

/** Candidate weights of the pooled (group total x share) forecast for grouped series (first = none). */
const GROUP_WEIGHTS = [0, 0.2, 0.4, 0.6, 0.8, 1] as const;
/** Candidate windows (a quarter, a year) over which a member's share of its group is measured. */
const GROUP_SHARE_WINDOWS: Record<Freq, readonly number[]> = { D: [91, 364], W: [13, 52], M: [] };
/** Holdout windows, counted back from the end of each history, the pooling is chosen on. */
const GROUP_HOLDOUT_WINDOWS = 5;

/**
 * Pooling of grouped series (same `group` key = one product on several channels, see
 * pooling.ts), chosen on pooled holdouts: the last GROUP_HOLDOUT_WINDOWS evaluation windows of
 * every grouped history, each forecast from the data before it (the group total too). Among the
 * share windows x weights that are no worse than no pooling on the score the other choices use
 * (relative MASE + relative RMSSE), the one with the lowest stockout-date error wins: stock =
 * half a moving-average window of cover at the mean of the last window (14 x the 28-day mean),
 * error = |first day the expected cumulative demand reaches it - the actual day| (window + 1 if
 * never). Pooling is what moves the level a cover decision rests on, so that is what it is judged
 * on, as long as the point forecast does not get worse. Empty (no pooling) without groups, with
 * fewer than 20 cases, or when no candidate beats none.
 */
export function choosePooling(series: readonly AnySeriesInput[], freq: Freq, ctx: ForecastContext): Pick<ForecastContext, 'groupWeight' | 'groupShareWindow'> {
  const shareWindows = GROUP_SHARE_WINDOWS[freq];
  const groups = shareWindows.length ? poolGroups(series) : [];
  if (groups.length === 0) return {};
  const candidates: { weight: number; shareWindow: number }[] = [{ weight: 0, shareWindow: shareWindows[0]! }];
  for (const shareWindow of shareWindows) for (const weight of GROUP_WEIGHTS) if (weight > 0) candidates.push({ weight, shareWindow });
  const { evalWindow: window, maWindow } = FREQ_SETTINGS[freq];
  const season = seasonOf(freq);
  const maseSum = new Float64Array(candidates.length);
  const rmsseSum = new Float64Array(candidates.length);
  const stockoutSum = new Float64Array(candidates.length);
  const pooled = new Float64Array(window);
  let cases = 0;
  for (const group of groups) {
    const ys = memberHistories(series, group);
    for (let back = 1; back <= GROUP_HOLDOUT_WINDOWS; back++) {
      const histories = ys.map((y) => y.subarray(0, Math.max(0, y.length - back * window)));
      const total = groupTotal(histories);
      const totalMean = totalForecast(total, freq, group.start, window, ctx);
      group.members.forEach((i, m) => {
        const y = ys[m]!;
        const history = histories[m]!;
        const origin = history.length;
        if (origin < 2 * window + 8) return;
        const actual = Array.from(y.subarray(origin, origin + window));
        if (actual.some((v) => v !== v)) return;
        const train = Array.from(history, (v) => (v === v ? v : 0));
        const { weekdayOf0, startDay } = startWeekday(series[i]!.start, freq);
        const own = forecastClean({ y: history, freq, weekdayOf0, startDay, hasUnknown: false }, window, ctx).mean;
        let recent = 0;
        for (let t = Math.max(0, train.length - maWindow); t < train.length; t++) recent += train[t]!;
        const stock = (maWindow / 2) * (recent / Math.min(maWindow, train.length));
        const actualDay = stock > 0 ? stockoutDay(actual, stock) : 0;
        const scores = candidates.map(({ weight, shareWindow }) => {
          pooledMean(own, totalMean, memberShare(history, total, shareWindow), weight, pooled);
          return [mase(train, actual, pooled, season), rmsse(train, actual, pooled), stock > 0 ? Math.abs(stockoutDay(pooled, stock) - actualDay) : 0] as const;
        });
        if (!scores.every(([a, b]) => Number.isFinite(a) && Number.isFinite(b))) return;
        scores.forEach(([a, b, d], c) => {
          maseSum[c] = maseSum[c]! + a;
          rmsseSum[c] = rmsseSum[c]! + b;
          stockoutSum[c] = stockoutSum[c]! + d;
        });
        cases++;
      });
    }
  }
  if (cases < 20) return {};
  let best = 0;
  for (let c = 1; c < candidates.length; c++) {
    const pointLoss = maseSum[c]! / maseSum[0]! + rmsseSum[c]! / rmsseSum[0]!;
    if (pointLoss <= 2 + 1e-9 && stockoutSum[c]! < stockoutSum[best]! - 1e-9) best = c;
  }
  if (best === 0) return {};
  return { groupWeight: candidates[best]!.weight, groupShareWindow: candidates[best]!.shareWindow };
}
