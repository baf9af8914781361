import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { publishAppraisal, type Appraisal } from './appraisalsApi';

/**
 * For the listing's owner, once the report is in: show its summary on the listing as the
 * "appraised" badge — once the appraisal's fee is paid (until then the button is disabled, saying why).
 */
export function PublishAction({
  appraisal,
  onPublished,
}: {
  appraisal: Appraisal;
  onPublished: (appraisal: Appraisal) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => publishAppraisal(appraisal.id),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.listing(a.listingKind, a.listingId) });
      onPublished(a);
    },
  });
  const unpaid = !!appraisal.fee && appraisal.fee.status !== 'paid';
  return (
    <section
      className="card appraisal-publish"
      data-testid="appraisal-publish"
      aria-labelledby="appraisal-publish-title"
    >
      <h2 id="appraisal-publish-title">{t('appraisals.publish.title')}</h2>
      <p>{t('appraisals.publish.intro')}</p>
      {unpaid && (
        <p className="muted" data-testid="appraisal-publish-blocked">
          {t('appraisals.publish.feeUnpaid')}
        </p>
      )}
      <ConfirmButton
        label={t('appraisals.publish.button')}
        question={t('appraisals.publish.question')}
        onConfirm={() => publish.mutate()}
        disabled={publish.isPending || unpaid}
        testId="appraisal-publish-button"
      />
      <ErrorAlert error={publish.error} />
    </section>
  );
}
