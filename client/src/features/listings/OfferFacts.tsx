import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { formatMoney } from '../../money';
import type { Offer } from '../../types';
import { Fact } from './Fact';
import { TagList } from './TagList';

export function OfferFacts({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { pricing } = offer;
  const money = (n: number | undefined) =>
    typeof n === 'number' && pricing ? formatMoney(n, pricing.currency, labels.locale) : undefined;
  // What each bidder pays before bidding on an auction (with the percentage it was set as).
  const depositText = pricing?.depositPct
    ? `${money(pricing.deposit)} (${t('listing.depositPct', { pct: pricing.depositPct })})`
    : money(pricing?.deposit);

  return (
    <dl className="details facts">
      <Fact label={t('listing.trl')} testId="fact-trl">
        {offer.trl ? `${offer.trl} — ${t(`trl.${offer.trl}`)}` : undefined}
      </Fact>
      <Fact label={t('listing.ipStatus')} testId="fact-ip-status">
        {offer.ipStatus && labels.enumLabel('ipStatus', offer.ipStatus)}
      </Fact>
      <Fact label={t('listing.ipNumbers')} testId="fact-ip-numbers">
        {offer.ipNumbers?.length ? offer.ipNumbers.join(', ') : undefined}
      </Fact>
      <Fact label={t('listing.pricingModel')} testId="fact-pricing-model">
        {pricing && labels.enumLabel('pricingModel', pricing.model)}
      </Fact>
      <Fact
        label={pricing?.model === 'auction' ? t('listing.startingPrice') : t('listing.price')}
        testId="fact-price"
      >
        {money(pricing?.amount) ?? (pricing?.model === 'negotiable' ? t('listing.negotiable') : undefined)}
      </Fact>
      <Fact label={t('listing.reservePrice')} testId="fact-reserve-price">
        {money(pricing?.reservePrice)}
      </Fact>
      <Fact label={t('listing.deposit')} testId="fact-deposit">
        {pricing?.model === 'auction' && pricing.deposit ? depositText : undefined}
      </Fact>
      <Fact label={t('listing.closesAt')} testId="fact-closes-at">
        {formatDateTime(pricing?.closesAt, labels.locale)}
      </Fact>
      <Fact label={t('listing.sectors')}>
        {offer.sectors?.length ? <TagList items={offer.sectors} /> : undefined}
      </Fact>
    </dl>
  );
}
