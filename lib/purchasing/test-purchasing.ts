/**
 * What the purchasing tests share (not shipped code paths): a cached plan with a reorder due,
 * any field overridden (lib/planning/test-plan.ts).
 */
export { planWith } from '../planning/test-plan';
