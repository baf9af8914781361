import { useTranslation } from 'react-i18next';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import {
  BankTransferDetails,
  PayButtons,
  PaymentStatusBadge,
  ReceiptLink,
  usePaymentProviders,
  useStartPayment,
} from '../payments';
import { payMilestoneFee } from './dealsApi';
import type { Deal, DeliveryMilestone, MilestoneFee } from './dealTypes';
import { useDealRefresh } from './useMilestoneStep';

/**
 * The exchange's share of the success fee on an accepted milestone, one line a payer: its amount
 * and how its payment stands; the viewer's own line, while unpaid, with the ways to pay it (as
 * the deal's fees panel offers them), paid lines with their receipts.
 */
export function MilestoneFees({ deal, milestone: m }: { deal: Deal; milestone: DeliveryMilestone }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!m.fees.length) return null;
  const titleId = `milestone-fees-title-${m.n}`;
  return (
    <section className="milestone-fees" aria-labelledby={titleId} data-testid={`milestone-fees-${m.n}`}>
      <h4 id={titleId}>{t('deals.milestones.settlement.feesTitle', { n: m.n })}</h4>
      <ul className="fee-lines">
        {m.fees.map((fee) => {
          const mine = fee.payer === deal.myRole;
          return (
            <li
              key={fee.payer}
              className="fee-line"
              data-testid={`milestone-fee-${m.n}-${fee.payer}`}
              data-status={fee.status ?? 'unpaid'}
            >
              <div className="fee-line-head">
                <span>
                  {t(`payments.payers.${fee.payer}`)}
                  {mine && <span className="row-note"> {t('payments.yourOrg')}</span>}
                </span>
                <span className="fee-line-amount">{formatMoney(fee.amount, fee.currency, locale)}</span>
                <PaymentStatusBadge status={fee.status} />
              </div>
              {mine && deal.status === 'delivering' && fee.status !== 'paid' && fee.amount > 0 && (
                <MilestoneFeePay deal={deal} n={m.n} fee={fee} />
              )}
              {fee.paymentId && (fee.status === 'paid' || fee.status === 'refunded') && (
                <div className="button-row">
                  <ReceiptLink paymentId={fee.paymentId} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The payer's choices for its unpaid fee on milestone `n`: card (Stripe Checkout) or bank transfer. */
function MilestoneFeePay({ deal, n, fee }: { deal: Deal; n: number; fee: MilestoneFee }) {
  const { t } = useTranslation();
  const providers = usePaymentProviders();
  const refresh = useDealRefresh(deal.id);
  const { busy, error, instructions, pay } = useStartPayment(
    (provider) => payMilestoneFee(deal.id, n, provider),
    () => void refresh(),
  );
  const cardsOffered = providers.includes('stripe');
  return (
    <div className="fee-actions">
      <PayButtons
        cardsOffered={cardsOffered}
        busy={busy}
        onPay={(provider) => void pay(provider)}
        bankLabel={fee.status === 'pending' ? t('payments.showInstructions') : t('payments.payByBank')}
        testIds={{ card: `pay-card-milestone-${n}`, bank: `pay-bank-milestone-${n}` }}
      />
      <ErrorAlert error={error} />
      {instructions && <BankTransferDetails instructions={instructions} />}
    </div>
  );
}
