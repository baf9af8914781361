import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import { DocumentList } from './DocumentList';
import { deleteListingDocument, listingDocuments, uploadListingDocument } from './dealsApi';
import type { DealDocument } from './dealTypes';
import './deals.css';

/** A listing's documents by name; its owner uploads (public or confidential) and removes them. */
export function ListingDocuments({ kind, id, owner }: { kind: ListingKind; id: string; owner: boolean }) {
  const { t } = useTranslation();
  const [documents, setDocuments] = useState<DealDocument[] | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [confidential, setConfidential] = useState(false);
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      listingDocuments(kind, id, signal).then(setDocuments, (err: unknown) => {
        if (!signal?.aborted) setError(err);
      }),
    [kind, id],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

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
    <section className="card" data-testid="listing-documents">
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
