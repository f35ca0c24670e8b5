import { useQuery } from '@tanstack/react-query';
import { PLATFORMS, type Platform } from '@/lib/records';
import { AccountSelect } from '../AccountSelect';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { RISKS, type RiskFilter } from './list-view';
import type { Filters } from './model';

/**
 * Platform, marketplace and risk selects and the search box; choices come from what is stored
 * (asked for once `loadChoices` is true: until then every platform is offered).
 */
export function FilterBar({ filters, onChange, loadChoices = true }: { filters: Filters; onChange: (next: Filters) => void; loadChoices?: boolean }) {
  const { t } = useI18n();
  const facets = useQuery({ queryKey: ['popup/facets'], queryFn: () => rpc('popup/facets', {}), enabled: loadChoices });
  const markets = (facets.data?.marketplaces ?? []).filter((m) => !filters.platform || m.platform === filters.platform);
  const platforms = PLATFORMS.filter((p) => !facets.data || facets.data.marketplaces.some((m) => m.platform === p));
  return (
    <form className="filters" role="search" aria-label={t('popup.filters')} onSubmit={(e) => e.preventDefault()}>
      {/* One seller account's list, or every account's. */}
      <AccountSelect
        value={filters.account}
        onChange={(account) => onChange({ ...filters, account })}
        label={t('popup.filter.account')}
        allLabel={t('popup.filter.any')}
        testId="filter-account"
        enabled={loadChoices}
      />
      <label>
        <span>{t('popup.filter.platform')}</span>
        <select
          value={filters.platform}
          data-testid="filter-platform"
          onChange={(e) => onChange({ ...filters, platform: e.target.value as Platform | '', marketplace: '' })}
        >
          <option value="">{t('popup.filter.any')}</option>
          {platforms.map((p) => (
            <option key={p} value={p}>
              {t(`platform.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('popup.filter.marketplace')}</span>
        <select
          value={filters.marketplace}
          data-testid="filter-marketplace"
          disabled={!filters.platform}
          onChange={(e) => onChange({ ...filters, marketplace: e.target.value })}
        >
          <option value="">{t('popup.filter.any')}</option>
          {markets.map((m) => (
            <option key={`${m.platform}|${m.marketplace}`} value={m.marketplace}>{`${m.marketplace} (${m.count})`}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('popup.filter.risk')}</span>
        <select value={filters.risk} data-testid="filter-risk" onChange={(e) => onChange({ ...filters, risk: e.target.value as RiskFilter })}>
          {RISKS.map((r) => (
            <option key={r} value={r}>
              {t(`risk.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="search">
        <span>{t('popup.search')}</span>
        <input
          type="search"
          value={filters.search}
          data-testid="filter-search"
          maxLength={200}
          onChange={(e) => onChange({ ...filters, search: e.target.value })}
        />
      </label>
    </form>
  );
}
