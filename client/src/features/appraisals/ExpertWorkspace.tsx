import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { listingHref } from '../listings';
import type { Appraisal } from './appraisalsApi';
import { ReportForm } from './ReportForm';

/** The expert who accepted: the listing's documents (confidential ones opened to them) and the report form. */
export function ExpertWorkspace({
  appraisal,
  onReported,
}: {
  appraisal: Appraisal;
  onReported: (appraisal: Appraisal) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" data-testid="expert-documents" aria-labelledby="expert-documents-title">
        <h2 id="expert-documents-title">{t('appraisals.expert.documentsTitle')}</h2>
        <p>{t('appraisals.expert.documentsIntro')}</p>
        <Link
          to={`${listingHref(appraisal.listingKind, appraisal.listingId)}#listing-documents`}
          className="btn btn-secondary btn-small"
          data-testid="expert-documents-link"
        >
          {t('appraisals.expert.documentsLink')}
        </Link>
      </section>
      <ReportForm appraisal={appraisal} onReported={onReported} />
    </>
  );
}
