import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../dates';
import { useLabels } from '../../../labels';
import type { Listing } from '../../../types';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Notice } from '../../../ui/Notice';
import { RevisionChanges } from './RevisionChanges';
import { withdrawRevision } from './revisionApi';

interface RevisionOwnerNoticeProps {
  listing: Listing;
  onWithdrawn: () => void;
}

/** Tells the owner that changes to the published listing await review, and lets them take the changes back. */
export function RevisionOwnerNotice({ listing, onWithdrawn }: RevisionOwnerNoticeProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const revision = listing.revision;
  if (!revision) return null;

  async function withdraw() {
    setBusy(true);
    setError(null);
    try {
      await withdrawRevision(listing.kind, listing.id);
      onWithdrawn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Notice tone="info" testId="revision-pending">
      <p>
        <strong>{t('revision.pendingTitle')}</strong>{' '}
        {t('revision.pendingBody', { date: formatDateTime(revision.submittedAt, labels.locale) })}
      </p>
      <RevisionChanges listing={listing} />
      <div className="button-row">
        <button
          type="button"
          className="btn btn-small btn-danger-outline"
          disabled={busy}
          onClick={() => void withdraw()}
          data-testid={`withdraw-revision-${listing.id}`}
        >
          {t('revision.withdraw')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </Notice>
  );
}
