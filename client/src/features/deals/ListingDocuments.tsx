import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { queryKeys } from '../../api/queryClient';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import { useRefreshingAction } from '../../ui/useRefreshingAction';
import { DocumentList } from './DocumentList';
import { deleteListingDocument, listingDocuments, uploadListingDocument } from './dealsApi';
import './deals.css';

/** A listing's documents by name; its owner uploads (public or confidential) and removes them. */
export function ListingDocuments({ kind, id, owner }: { kind: ListingKind; id: string; owner: boolean }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [confidential, setConfidential] = useState(false);
  const [uploaded, setUploaded] = useState(false);
  const { busy, error: actionError, run } = useRefreshingAction(queryKeys.listingDocuments(kind, id));
  const query = useQuery({
    queryKey: queryKeys.listingDocuments(kind, id),
    queryFn: ({ signal }) => listingDocuments(kind, id, signal),
  });
  const documents = query.data;
  const error = actionError ?? query.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    void run(async () => {
      await uploadListingDocument(kind, id, file, confidential);
      setUploaded(true);
      setFile(null);
      (event.target as HTMLFormElement).reset();
    });
  }

  if (!documents?.length && !owner) return null;
  return (
    <section className="card" id="listing-documents" data-testid="listing-documents">
      <h2 className="card-title">{t('deals.documents.title')}</h2>
      {documents && (
        <DocumentList
          documents={documents}
          actions={
            owner
              ? (d) => (
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    disabled={busy}
                    onClick={() => void run(() => deleteListingDocument(kind, id, d.id))}
                  >
                    {t('deals.documents.remove')}
                  </button>
                )
              : undefined
          }
        />
      )}
      {owner && (
        <form onSubmit={submit} data-testid="document-upload">
          <h3>{t('deals.documents.upload')}</h3>
          {uploaded && <Notice tone="success">{t('deals.documents.uploaded')}</Notice>}
          <label htmlFor="document-file">{t('deals.documents.file')}</label>
          <input
            id="document-file"
            type="file"
            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.txt"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={confidential}
              onChange={(e) => setConfidential(e.target.checked)}
            />{' '}
            {t('deals.documents.markConfidential')}
          </label>
          <button type="submit" className="btn btn-small btn-secondary" disabled={busy || !file}>
            {t('deals.documents.upload')}
          </button>
        </form>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
