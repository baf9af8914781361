import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { DocumentList } from './DocumentList';
import { acceptNda, consentToBroker, documentAccess } from './dealsApi';
import { DocumentAccessControls } from './DocumentAccessControls';
import type { Deal } from './dealTypes';
import { useDealDocuments } from './useDealDocuments';

/** Staged disclosure inside the deal: the listing's NDA, the step to accept it, and the documents. */
export function DealDocumentsPanel({ deal, onChanged }: { deal: Deal; onChanged: (deal: Deal) => void }) {
  const { t } = useTranslation();
  const [actionError, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const query = useDealDocuments(deal);
  const docs = query.data;
  const error = actionError ?? query.error;

  async function act(action: 'nda' | 'request' | 'approve' | 'refuse' | 'consent') {
    setBusy(true);
    setError(null);
    try {
      if (action === 'nda') onChanged(await acceptNda(deal.id));
      else if (action === 'consent') onChanged(await consentToBroker(deal.id, deal.brokerUserId ?? ''));
      else onChanged(await documentAccess(deal.id, action));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  // The parties and the deal's broker accept the NDA.
  const party = deal.myRole === 'seller' || deal.myRole === 'buyer' || deal.myRole === 'broker';
  const hasConfidential = !!docs?.documents.some((d) => d.confidential);
  return (
    <section className="card" data-testid="deal-documents">
      <h2 className="card-title">{t('deals.documents.title')}</h2>
      {!docs && !error && <Loading />}
      {docs && party && (
        <div className="nda" data-testid="nda">
          <h3>{t('deals.nda.title')}</h3>
          {docs.ndaAccepted ? (
            <Notice tone="success" testId="nda-accepted">
              {t('deals.nda.accepted')}
            </Notice>
          ) : (
            <>
              <p className="muted">{t('deals.nda.intro')}</p>
              <blockquote className="nda-text">{docs.ndaText}</blockquote>
              {hasConfidential && !['cancelled', 'closed_lost'].includes(deal.status) && (
                <button
                  type="button"
                  className="btn btn-small btn-primary"
                  disabled={busy}
                  onClick={() => void act('nda')}
                  data-testid="accept-nda"
                >
                  {t('deals.nda.accept')}
                </button>
              )}
            </>
          )}
        </div>
      )}
      {docs && <DocumentAccessControls deal={deal} docs={docs} busy={busy} onAction={(a) => void act(a)} />}
      {docs && <DocumentList documents={docs.documents} />}
      <ErrorAlert error={error} />
    </section>
  );
}
