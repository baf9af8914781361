import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReasonForm } from '../../ui/ReasonForm';
import { acceptAppraisal, declineAppraisal, type Appraisal } from './appraisalsApi';

/** The assigned expert's answer: accept (and read the listing's confidential documents) or decline, saying why. */
export function ExpertDecision({
  appraisal,
  onDecided,
}: {
  appraisal: Appraisal;
  onDecided: (appraisal: Appraisal, outcome: 'accepted' | 'declined') => void;
}) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const accept = useMutation({
    mutationFn: () => acceptAppraisal(appraisal.id),
    onSuccess: (a) => onDecided(a, 'accepted'),
  });
  const decline = useMutation({
    mutationFn: (reason: string) => declineAppraisal(appraisal.id, reason),
    onSuccess: (a) => onDecided(a, 'declined'),
  });
  const busy = accept.isPending || decline.isPending;
  return (
    <section
      className="card appraisal-decision"
      data-testid="expert-decision"
      aria-labelledby="expert-decision-title"
    >
      <h2 id="expert-decision-title">{t('appraisals.expert.title')}</h2>
      <p>{t('appraisals.expert.intro')}</p>
      {declining ? (
        <ReasonForm
          action="decline"
          targetId={appraisal.id}
          label={t('appraisals.expert.declineReason')}
          confirmLabel={t('appraisals.expert.confirmDecline')}
          busy={busy}
          onCancel={() => setDeclining(false)}
          onSubmit={(reason) => decline.mutate(reason)}
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => accept.mutate()}
            data-testid="appraisal-accept"
          >
            {accept.isPending ? t('common.working') : t('appraisals.expert.accept')}
          </button>
          <button
            type="button"
            className="btn btn-danger-outline"
            disabled={busy}
            onClick={() => setDeclining(true)}
            data-testid="appraisal-decline"
          >
            {t('appraisals.expert.decline')}
          </button>
        </div>
      )}
      <ErrorAlert error={accept.error ?? decline.error} />
    </section>
  );
}
