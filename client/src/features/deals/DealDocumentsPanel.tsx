import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { DocumentList } from './DocumentList';
import { acceptNda, getDealDocuments } from './dealsApi';
import type { Deal, DealDocuments } from './dealTypes';

/** Staged disclosure inside the deal: the listing's NDA, the step to accept it, and the documents. */
export function DealDocumentsPanel({ deal, onChanged }: { deal: Deal; onChanged: (deal: Deal) => void }) {
  const { t } = useTranslation();
  const [docs, setDocs] = useState<DealDocuments | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const acceptances = deal.ndaAcceptances.length;

  const load = useCallback(
    (signal?: AbortSignal) =>
      getDealDocuments(deal.id, signal).then(setDocs, (err: unknown) => {
        if (!signal?.aborted) setError(err);
      }),
    [deal.id],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, acceptances]);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      onChanged(await acceptNda(deal.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const party = deal.myRole === 'seller' || deal.myRole === 'buyer';
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
                  onClick={() => void accept()}
                  data-testid="accept-nda"
                >
                  {t('deals.nda.accept')}
                </button>
              )}
            </>
          )}
        </div>
      )}
      {docs && <DocumentList documents={docs.documents} />}
      <ErrorAlert error={error} />
    </section>
  );
}
