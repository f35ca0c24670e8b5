/**
 * Table `dailyDemand`: demand per day per series (listing key or pooled-plan key), as the
 * planning core reconstructed it (lib/planning/types DailyDemandRow). Cached here so a planning
 * run only reconstructs the days that changed, and so days whose raw readings compaction has
 * folded away keep their demand.
 */
import { dailyDemandRowSchema, type DailyDemandRow } from '../../planning/types';

export { dailyDemandRowSchema, type DailyDemandRow };
