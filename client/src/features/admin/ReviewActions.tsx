import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { approveListing, rejectListing } from '../listings';
import { ReasonForm } from '../../ui/ReasonForm';

interface ReviewActionsProps {
  kind: ListingKind;
  id: string;
  onDone: (outcome: 'approved' | 'rejected') => void;
}

/** An operator's approve / reject (with a reason) of a listing awaiting review. */
export function ReviewActions({ kind, id, onDone }: ReviewActionsProps) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<void>, outcome: 'approved' | 'rejected') {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone(outcome);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="review-actions">
      <ErrorAlert error={error} />
      {rejecting ? (
        <ReasonForm
          action="reject"
          targetId={id}
          label={t('review.reason')}
          confirmLabel={t('review.confirmReject')}
          busy={busy}
          onCancel={() => setRejecting(false)}
          onSubmit={(reason) => void run(() => rejectListing(kind, id, reason), 'rejected')}
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void run(() => approveListing(kind, id), 'approved')}
            data-testid={`approve-${id}`}
          >
            {t('review.approve')}
          </button>
          <button
            type="button"
            className="btn btn-danger-outline"
            disabled={busy}
            onClick={() => setRejecting(true)}
            data-testid={`reject-${id}`}
          >
            {t('review.reject')}
          </button>
        </div>
      )}
    </div>
  );
}
