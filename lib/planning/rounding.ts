/**
 * Rounds an order up to what a supplier will accept: at least the minimum order quantity,
 * in whole cases. Nothing to order stays nothing (a MOQ is not a reason to order).
 * @example roundOrderQuantity(101, { moq: 200, casePack: 24 }) // 216 (200 rounded up to 9 cases)
 * @example roundOrderQuantity(0, { moq: 200, casePack: 24 }) // 0
 */
export function roundOrderQuantity(raw: number, rule: { moq: number; casePack: number }): number {
  if (!(raw > 1e-9)) return 0;
  const casePack = Math.max(1, Math.round(rule.casePack));
  const wanted = Math.max(raw, rule.moq);
  return Math.ceil(wanted / casePack - 1e-9) * casePack;
}

/**
 * Economic order quantity sqrt(2·D·K/h): the order size that balances ordering cost K per
 * order against holding cost h per unit-year for annual demand D. 0 when any input is 0.
 * @example economicOrderQuantity(1200, 50, 2) // ~244.9
 */
export function economicOrderQuantity(annualDemand: number, orderCost: number, holdingCostPerUnitYear: number): number {
  if (!(annualDemand > 0) || !(orderCost > 0) || !(holdingCostPerUnitYear > 0)) return 0;
  return Math.sqrt((2 * annualDemand * orderCost) / holdingCostPerUnitYear);
}
