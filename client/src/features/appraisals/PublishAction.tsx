import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { publishAppraisal, type Appraisal } from './appraisalsApi';

/** For the listing's owner, once the report is in: show its summary on the listing as the "appraised" badge. */
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
  return (
    <section
      className="card appraisal-publish"
      data-testid="appraisal-publish"
      aria-labelledby="appraisal-publish-title"
    >
      <h2 id="appraisal-publish-title">{t('appraisals.publish.title')}</h2>
      <p>{t('appraisals.publish.intro')}</p>
      <ConfirmButton
        label={t('appraisals.publish.button')}
        question={t('appraisals.publish.question')}
        onConfirm={() => publish.mutate()}
        disabled={publish.isPending}
        testId="appraisal-publish-button"
      />
      <ErrorAlert error={publish.error} />
    </section>
  );
}
