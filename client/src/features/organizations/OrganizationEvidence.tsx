import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_KINDS,
  MAX_EVIDENCE_DOCUMENTS,
  type EvidenceKind,
} from '@contract/organization-evidence';
import { isApiError } from '../../api';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDate } from '../../dates';
import { useLabels } from '../../labels';
import { fileSize } from '../../ui/fileSize';
import { Notice } from '../../ui/Notice';
import { useRefreshingAction } from '../../ui/useRefreshingAction';
import { deleteEvidence, listEvidence, uploadEvidence, type EvidenceDocument } from './organizationsApi';

/**
 * Evidence documents by kind and name, each opened in the browser or saved; `actions` adds the
 * administrators' buttons. Used on the organization's page and on the operators' desk.
 */
export function EvidenceList({
  documents,
  empty,
  actions,
}: {
  documents: EvidenceDocument[];
  empty: string;
  actions?: (d: EvidenceDocument) => ReactNode;
}) {
  const { t } = useTranslation();
  const { locale } = useLabels();
  if (documents.length === 0)
    return (
      <p className="muted" data-testid="evidence-none">
        {empty}
      </p>
    );
  return (
    <ul className="document-list" data-testid="evidence-list">
      {documents.map((d) => (
        <li key={d.id} data-testid={`evidence-${d.id}`}>
          <span className="badge badge-public">{t(`evidence.kinds.${d.kind}`)}</span>{' '}
          <a href={d.url} target="_blank" rel="noreferrer" data-testid="evidence-open">
            {d.name}
          </a>{' '}
          <span className="muted small">
            {fileSize(d.size)} · {formatDate(d.uploadedAt, locale)}
          </span>{' '}
          <a
            className="btn btn-small btn-ghost"
            href={`${d.url}?download=true`}
            download={d.name}
            aria-label={t('evidence.downloadNamed', { name: d.name })}
          >
            {t('evidence.download')}
          </a>
          {actions?.(d)}
        </li>
      ))}
    </ul>
  );
}

function evidenceError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('evidence.errors.failed');
  if (error.code === 'payload_too_large') return t('evidence.errors.tooLarge');
  if (error.code === 'conflict') return t('evidence.errors.tooMany', { max: MAX_EVIDENCE_DOCUMENTS });
  if (error.code === 'validation_failed') return t('evidence.errors.type');
  return t('evidence.errors.failed');
}

/**
 * The organization's evidence documents for verification, seen by its administrators (who
 * upload and remove them) and operators; nobody else.
 */
export function OrganizationEvidence({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<EvidenceKind>('business_registration');
  const [uploaded, setUploaded] = useState(false);
  const { busy, error, run } = useRefreshingAction(queryKeys.organizationEvidence(orgId));
  const query = useQuery({
    queryKey: queryKeys.organizationEvidence(orgId),
    queryFn: ({ signal }) => listEvidence(orgId, signal),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    const form = event.target as HTMLFormElement;
    setUploaded(false);
    void run(async () => {
      await uploadEvidence(orgId, file, kind);
      setUploaded(true);
      setFile(null);
      form.reset();
    });
  }

  const documents = query.data;
  return (
    <section className="card" data-testid="organization-evidence">
      <h2 className="card-title">{t('evidence.title')}</h2>
      <p className="muted">{t('evidence.privacy')}</p>
      <QueryStatus query={query} />
      {documents && (
        <EvidenceList
          documents={documents}
          empty={t('evidence.none')}
          actions={
            canEdit
              ? (d) => (
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    disabled={busy}
                    aria-label={t('evidence.removeNamed', { name: d.name })}
                    onClick={() => void run(() => deleteEvidence(orgId, d.id))}
                  >
                    {t('evidence.remove')}
                  </button>
                )
              : undefined
          }
        />
      )}
      {canEdit && documents && documents.length < MAX_EVIDENCE_DOCUMENTS && (
        <form onSubmit={submit} data-testid="evidence-upload">
          <h3>{t('evidence.upload')}</h3>
          {uploaded && <Notice tone="success">{t('evidence.uploaded')}</Notice>}
          <label htmlFor="evidence-kind">{t('evidence.kind')}</label>
          <select
            id="evidence-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as EvidenceKind)}
            data-testid="evidence-kind"
          >
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`evidence.kinds.${k}`)}
              </option>
            ))}
          </select>
          <label htmlFor="evidence-file">{t('evidence.file')}</label>
          <input
            id="evidence-file"
            type="file"
            accept={EVIDENCE_CONTENT_TYPES.join(',')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="evidence-file"
          />
          <p className="muted">{t('evidence.hint', { max: MAX_EVIDENCE_DOCUMENTS })}</p>
          <button
            type="submit"
            className="btn btn-small btn-secondary"
            disabled={busy || !file}
            data-testid="evidence-upload-submit"
          >
            {t('evidence.upload')}
          </button>
        </form>
      )}
      {error != null && (
        <div className="alert alert-error" role="alert" data-testid="evidence-error">
          {evidenceError(error, t)}
        </div>
      )}
    </section>
  );
}
