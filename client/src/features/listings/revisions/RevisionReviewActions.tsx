import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Listing } from '../../../types';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ReasonForm } from '../../../ui/ReasonForm';
import { approveRevision, refuseRevision } from './revisionApi';

export type RevisionOutcome = 'approved' | 'refused';

interface RevisionReviewActionsProps {
  listing: Listing;
  onDone: (outcome: RevisionOutcome) => void;
}

/** An operator's approve / refuse (with a reason) of the changes to a published listing they read. */
export function RevisionReviewActions({ listing, onDone }: RevisionReviewActionsProps) {
  const { t } = useTranslation();
  const [refusing, setRefusing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const revision = listing.revision;
  if (!revision) return null;
  const { kind, id } = listing;

  async function run(action: () => Promise<void>, outcome: RevisionOutcome) {
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
      {refusing ? (
        <ReasonForm
          action="refuse-revision"
          targetId={id}
          label={t('revision.reason')}
          confirmLabel={t('revision.confirmRefuse')}
          minLength={3}
          tooShortMessage={t('revision.reasonTooShort')}
          busy={busy}
          onCancel={() => setRefusing(false)}
          onSubmit={(reason) =>
            void run(() => refuseRevision(kind, id, reason, revision.submittedAt), 'refused')
          }
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void run(() => approveRevision(kind, id, revision.submittedAt), 'approved')}
            data-testid={`approve-revision-${id}`}
          >
            {t('revision.approve')}
          </button>
          <button
            type="button"
            className="btn btn-danger-outline"
            disabled={busy}
            onClick={() => setRefusing(true)}
            data-testid={`refuse-revision-${id}`}
          >
            {t('revision.refuse')}
          </button>
        </div>
      )}
    </div>
  );
}
