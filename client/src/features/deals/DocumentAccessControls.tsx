import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/Notice';
import type { Deal, DealDocuments } from './dealTypes';

type Action = 'request' | 'approve' | 'refuse' | 'consent';

/**
 * Who opens the confidential documents in this deal: the counterparty asks and the owner
 * approves or refuses (policy on request); a party consents to the broker the other assigned.
 */
export function DocumentAccessControls({
  deal,
  docs,
  busy,
  onAction,
}: {
  deal: Deal;
  docs: DealDocuments;
  busy: boolean;
  onAction: (action: Action) => void;
}) {
  const { t } = useTranslation();
  const access = docs.access;
  if (!access || ['cancelled', 'closed_lost', 'closed_won'].includes(deal.status)) return null;
  const party = deal.myRole === 'seller' || deal.myRole === 'buyer';
  const myOrgId = deal.myRole === 'seller' ? deal.sellerOrgId : deal.buyerOrgId;
  const owner = party && access.ownerOrgId === myOrgId;
  const counterparty = party && !owner;
  const consented = (deal.brokerConsents ?? []).includes(myOrgId);
  const button = (action: Action, label: string, primary = false) => (
    <button
      type="button"
      className={`btn btn-small${primary ? ' btn-primary' : ''}`}
      disabled={busy}
      onClick={() => onAction(action)}
      data-testid={`documents-${action}`}
    >
      {label}
    </button>
  );
  return (
    <div className="document-access" data-testid="document-access">
      <h3>{t('deals.documents.access.title')}</h3>
      <p className="muted">
        {access.policy === 'nda'
          ? t('deals.documents.access.policyNda')
          : t('deals.documents.access.policyRequest')}
      </p>
      {access.policy === 'on_request' && access.status !== 'none' && (
        <Notice tone={access.status === 'refused' ? 'warning' : 'info'} testId="documents-access-status">
          {t(`deals.documents.access.${access.status}`)}
        </Notice>
      )}
      {access.policy === 'on_request' &&
        counterparty &&
        access.status === 'none' &&
        button('request', t('deals.documents.access.request'), true)}
      {access.policy === 'on_request' &&
        owner &&
        access.status !== 'approved' &&
        button('approve', t('deals.documents.access.approve'), true)}
      {access.policy === 'on_request' &&
        owner &&
        access.status !== 'refused' &&
        button('refuse', t('deals.documents.access.refuse'))}
      {deal.brokerUserId && (
        <p className="muted">
          {access.brokerConsented
            ? t('deals.documents.access.brokerConsented')
            : t('deals.documents.access.brokerWaiting')}
        </p>
      )}
      {deal.brokerUserId && party && !consented && button('consent', t('deals.documents.access.consent'))}
    </div>
  );
}
