import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { isAdmin, useAuth } from '../auth';
import { FeeLineActions } from './FeeLineActions';
import { LedgerTable } from './LedgerTable';
import { PaymentStatusBadge } from './PaymentStatusBadge';
import { ReceiptLink } from './ReceiptLink';
import { useFees } from './useFees';

export interface FeesPanelDeal {
  id: string;
  status: string;
  sellerOrgId: string;
  buyerOrgId: string;
}

/**
 * The fees of a deal on its page: what each party owes and the state of its payment; the
 * payer's own lines can be paid here, paid lines link to their receipts.
 */
export function FeesPanel({ deal, onAllPaid }: { deal: FeesPanelDeal; onAllPaid?: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useAuth();
  const { fees, providers, error, reload } = useFees(deal.id, deal.status);
  const orgId = user?.organization?.id;
  const myParty = orgId === deal.buyerOrgId ? 'buyer' : orgId === deal.sellerOrgId ? 'seller' : undefined;
  const mayReadMoney = Boolean(myParty) || isAdmin(user);
  const allPaid = Boolean(fees?.length) && fees!.every((f) => f.status === 'paid');

  // The deal closes on the server when its last fee is paid: let the page show it.
  useEffect(() => {
    if (allPaid && deal.status === 'awaiting_payment') onAllPaid?.();
  }, [allPaid, deal.status, onAllPaid]);

  if (error) return <ErrorAlert error={error} />;
  if (!fees) return <Loading />;
  const version = fees.map((f) => `${f.milestone ?? 0}:${f.payer}:${f.status ?? ''}`).join(',');
  return (
    <section className="card fees-panel" data-testid="fees-panel" aria-labelledby="fees-title">
      <h2 className="card-title" id="fees-title">
        {t('payments.feesTitle')}
      </h2>
      {fees.length === 0 ? (
        <p className="muted" data-testid="fees-none">
          {t('payments.noFeesYet')}
        </p>
      ) : (
        <ul className="fee-lines" data-testid="fees-table">
          {fees.map((line) => (
            <li
              key={`${line.purpose}-${line.milestone ?? 0}-${line.payer}`}
              className="fee-line"
              data-testid={line.milestone ? `fee-m${line.milestone}-${line.payer}` : `fee-${line.payer}`}
            >
              <div className="fee-line-head">
                <span>
                  {t(`payments.purposes.${line.purpose}`)}
                  {line.milestone ? ` ${t('payments.onMilestone', { n: line.milestone })}` : ''} ·{' '}
                  {t(`payments.payers.${line.payer}`)}
                  {line.payer === myParty && <span className="row-note"> {t('payments.yourOrg')}</span>}
                </span>
                <span className="fee-line-amount">{formatMoney(line.amount, line.currency, locale)}</span>
                <PaymentStatusBadge status={line.status} />
              </div>
              {line.payer === myParty && deal.status === 'awaiting_payment' && line.status !== 'paid' && (
                <FeeLineActions
                  dealId={deal.id}
                  line={line}
                  providers={providers}
                  onStarted={() => void reload()}
                />
              )}
              {mayReadMoney && line.paymentId && (line.status === 'paid' || line.status === 'refunded') && (
                <div className="button-row">
                  <ReceiptLink paymentId={line.paymentId} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayReadMoney && <LedgerTable dealId={deal.id} version={version} />}
    </section>
  );
}
