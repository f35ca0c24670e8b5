import { t, type Language, type MessageKey } from '../i18n';
import { poolKindOf } from '../planning/pool-stock';

/**
 * A stock pool as every view and the merged report name it: its destination and its name (an FBA
 * region, a WFS marketplace, the main warehouse, or the seller's own warehouse name), an account
 * suffix in brackets. The same words in the options page and in the exported file.
 * @example poolLabel('fba:NA', 'en') // 'Amazon FBA · North America'
 * @example poolLabel('own:main', 'en') // 'Own warehouse · main warehouse'
 */
export function poolLabel(poolId: string, language: Language): string {
  const [base = poolId, account] = poolId.split('/');
  const [prefix, rest = ''] = base.split(/:(.*)/s);
  let name = rest || base;
  if (prefix === 'fba' && (rest === 'NA' || rest === 'EU' || rest === 'FE')) name = t(language, `options.pool.region.${rest}` as MessageKey);
  else if (base === 'own:main') name = t(language, 'options.pool.main');
  const pool = account ? `${name} (${account})` : name;
  return t(language, 'options.products.pool', { destination: t(language, `options.destination.${poolKindOf(poolId)}` as MessageKey), pool });
}
