import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { Notice } from '../../ui/Notice';
import { appraisalHref, type Appraisal } from './appraisalsApi';
import { ListingRequests } from './ListingRequests';
import { RequestAppraisalForm } from './RequestAppraisalForm';
import './appraisals.css';

/**
 * For the listing's owner (or a party of a deal on it): the appraisals already asked for, and a
 * "Request an appraisal" form; once sent, a link to follow the request.
 */
export function RequestAppraisalCard({ kind, listingId }: { kind: ListingKind; listingId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [requested, setRequested] = useState<Appraisal | null>(null);
  return (
    <section
      className="card appraisal-request"
      data-testid="appraisal-request"
      aria-labelledby="appraisal-request-title"
    >
      <h2 className="card-title" id="appraisal-request-title">
        {t('appraisals.request.title')}
      </h2>
      <p className="muted">{t('appraisals.request.intro')}</p>
      <ListingRequests kind={kind} listingId={listingId} />
      {requested && (
        <Notice tone="success" testId="appraisal-requested">
          {t('appraisals.request.sent')}{' '}
          <Link to={appraisalHref(requested.id)} data-testid="appraisal-requested-link">
            {t('appraisals.request.follow')}
          </Link>
        </Notice>
      )}
      {open ? (
        <RequestAppraisalForm
          kind={kind}
          listingId={listingId}
          onRequested={(a) => {
            setRequested(a);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => {
            setRequested(null);
            setOpen(true);
          }}
          data-testid="appraisal-request-open"
        >
          {t('appraisals.request.open')}
        </button>
      )}
    </section>
  );
}
