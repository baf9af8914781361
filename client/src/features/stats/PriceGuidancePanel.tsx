import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Currency } from '@contract/enums';
import { queryKeys } from '../../api/queryClient';
import { formatMoney } from '../../money';
import { useLabels } from '../../labels';
import { priceGuidance, type PriceGuidanceQuery } from './statsApi';
import './stats.css';

/**
 * Beside a price: what comparable deals agreed on this exchange were worth (field, currency, and
 * the TRL band and transfer mode when known). Fewer than five deals show their number alone.
 */
export function PriceGuidancePanel(props: Partial<PriceGuidanceQuery>) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { field, currency, trl, transferMode } = props;
  const query = useQuery({
    queryKey: queryKeys.priceGuidance(field ?? '', currency ?? '', trl, transferMode),
    queryFn: ({ signal }) => priceGuidance({ field: field!, currency: currency!, trl, transferMode }, signal),
    enabled: Boolean(field && currency),
    staleTime: 60_000,
  });
  const g = query.data;
  // Guidance is extra: a form without it is still whole.
  if (!field || !currency || query.isError || !g) return null;
  const money = (amount: number) => formatMoney(amount, currency as Currency, labels.locale);
  const scope = [
    labels.field(field),
    g.trlBand ? t('priceGuidance.trlBand', { band: g.trlBand }) : null,
    g.transferMode ? labels.enumLabel('transferMode', g.transferMode) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <aside className="price-guidance" data-testid="price-guidance" aria-label={t('priceGuidance.title')}>
      <strong>{t('priceGuidance.title')}</strong> <span className="muted">{scope}</span>
      {g.median !== undefined && g.p25 !== undefined && g.p75 !== undefined ? (
        <p data-testid="price-guidance-range">
          {t('priceGuidance.range', {
            count: g.count,
            median: money(g.median),
            p25: money(g.p25),
            p75: money(g.p75),
          })}
        </p>
      ) : (
        <p data-testid="price-guidance-few">
          {t('priceGuidance.tooFew', { count: g.count, min: g.minDeals })}
        </p>
      )}
      {g.appraised.count > 0 && (
        <p className="muted" data-testid="price-guidance-appraised">
          {g.appraised.median !== undefined && g.appraised.p25 !== undefined && g.appraised.p75 !== undefined
            ? t('priceGuidance.appraisedRange', {
                count: g.appraised.count,
                median: money(g.appraised.median),
                p25: money(g.appraised.p25),
                p75: money(g.appraised.p75),
              })
            : t('priceGuidance.appraisedFew', { count: g.appraised.count, min: g.minDeals })}
        </p>
      )}
    </aside>
  );
}
