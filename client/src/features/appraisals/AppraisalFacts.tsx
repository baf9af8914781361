import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { listingHref } from '../listings';
import type { Appraisal } from './appraisalsApi';
import { useAppraisalLabels } from './useAppraisalLabels';

/** What was asked for: the listing, the kind of appraisal, who asked and when, and their note. */
export function AppraisalFacts({ appraisal: a }: { appraisal: Appraisal }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const { field, enumLabel } = useLabels();
  return (
    <dl className="details" data-testid="appraisal-facts">
      <dt>{t('appraisals.listing')}</dt>
      <dd>
        <Link to={listingHref(a.listingKind, a.listingId)} data-testid="appraisal-listing-link">
          {a.listingTitle}
        </Link>{' '}
        <span className="muted">({enumLabel('listingKind', a.listingKind)})</span>
      </dd>
      {a.field && (
        <>
          <dt>{t('appraisals.field')}</dt>
          <dd>{field(a.field)}</dd>
        </>
      )}
      <dt>{t('appraisals.type')}</dt>
      <dd data-testid="appraisal-type">{labels.type(a.type)}</dd>
      <dt>{t('appraisals.requested')}</dt>
      <dd>
        {labels.dateTime(a.createdAt)} · {t(`appraisals.requesterRoles.${a.requesterRole}`)}
      </dd>
      {a.note && (
        <>
          <dt>{t('appraisals.note')}</dt>
          <dd className="prose" data-testid="appraisal-note">
            {a.note}
          </dd>
        </>
      )}
      {a.publishedAt && (
        <>
          <dt>{t('appraisals.publishedAt')}</dt>
          <dd>{labels.dateTime(a.publishedAt)}</dd>
        </>
      )}
    </dl>
  );
}
