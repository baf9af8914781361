import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import type { DepositPayment } from './depositApi';

/** A runner-up's deposit still kept at an auction's close (neither credited nor refunded yet). */
export function isKeptForRunnerUp(payment: DepositPayment): boolean {
  return payment.status === 'paid' && !!payment.deposit?.keptForRunnerUpAt && !payment.deposit.outcome;
}

/**
 * What became of a paid deposit beyond its status, for its payer or the listing's owner: a
 * runner-up's deposit kept (until the winner signs, or until a date once the winner's deal ended;
 * then refunded, or credited to the runner-up's deal if the owner offers it the technology
 * first), and a winner's surplus over its fees refunded, being refunded, and what is still held
 * against the deal's fees.
 */
export function DepositFate({ payment, viewer }: { payment: DepositPayment; viewer: 'payer' | 'owner' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const deposit = payment.deposit;
  if (!deposit) return null;
  const money = (amount: number) => formatMoney(amount, payment.currency, locale);

  if (isKeptForRunnerUp(payment)) {
    const key = `bids.deposit.kept.${viewer === 'owner' ? 'owner' : 'payer'}${deposit.keptUntil ? 'Until' : 'UntilSigned'}`;
    return (
      <p className="muted" data-testid="deposit-kept" data-until={deposit.keptUntil ?? ''}>
        {t(key, {
          date: formatDateTime(deposit.keptUntil, locale),
          days: deposit.keepDays ?? '',
        })}
      </p>
    );
  }

  const refunded = deposit.surplusRefunded ?? 0;
  const pending = deposit.surplusRefundPending ?? 0;
  if (!refunded && !pending) return null;
  return (
    <dl className="details deposit-fate" data-testid="deposit-surplus">
      {refunded > 0 && (
        <>
          <dt>{t('bids.deposit.surplus.refunded')}</dt>
          <dd data-testid="deposit-surplus-refunded">{money(refunded)}</dd>
        </>
      )}
      {pending > 0 && (
        <>
          <dt>{t('bids.deposit.surplus.pending')}</dt>
          <dd data-testid="deposit-surplus-pending">{money(pending)}</dd>
        </>
      )}
      {deposit.outcome === 'credited' && (
        <>
          <dt>{t('bids.deposit.surplus.held')}</dt>
          <dd data-testid="deposit-held">{money(Math.max(0, payment.amount - refunded - pending))}</dd>
        </>
      )}
    </dl>
  );
}
