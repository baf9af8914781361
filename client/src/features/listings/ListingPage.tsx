import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { isApiError } from '../../api';
import { KindBadge } from '../../ui/KindBadge';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { Notice } from '../../ui/Notice';
import { StatusBadge } from '../../ui/StatusBadge';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { VerifiedBadge } from '../../ui/VerifiedBadge';
import { ReviewActions } from '../admin';
import { AppraisedBadge, RequestAppraisalCard } from '../appraisals';
import { MatchesPanel } from '../matching';
import { ListingBidsPanel } from '../bids';
import { ListingDocuments } from '../deals';
import { isAdmin, useAuth } from '../auth';
import { NotFoundPage } from '../layout';
import { CommonFacts } from './CommonFacts';
import { DemandFacts } from './DemandFacts';
import { getListing, isOwnListing } from './listingApi';
import { OfferFacts } from './OfferFacts';
import { OwnerActions } from './OwnerActions';
import { ListingGallery, ListingImagesCard } from './ListingImages';
import type { ListingNotice } from './useListingForm';
import { RevisionChanges } from './revisions/RevisionChanges';
import { RevisionOwnerNotice } from './revisions/RevisionOwnerNotice';
import { RevisionReviewActions } from './revisions/RevisionReviewActions';

type PageNotice =
  | ListingNotice['notice']
  | 'withdrawn'
  | 'approved'
  | 'rejected'
  | 'revisionWithdrawn'
  | 'revisionApproved'
  | 'revisionRefused';

/** `/offers/:id` and `/demands/:id`: every field of one listing, with its owner's and operators' actions. */
export function ListingPage({ kind }: { kind: ListingKind }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const { user } = useAuth();
  const [notice, setNotice] = useState<PageNotice>((location.state as ListingNotice | null)?.notice);
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.listing(kind, id),
    queryFn: ({ signal }) => getListing(kind, id, signal),
  });
  const listing = query.data;
  const error = query.error;
  useDocumentTitle(listing?.title);

  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  if (error || !listing) return <QueryStatus query={query} />;

  const own = isOwnListing(listing, user?.organization?.id);
  const reviewable = isAdmin(user) && listing.status === 'pending_review';
  const after = (change: PageNotice) => {
    setNotice(change);
    void queryClient.invalidateQueries({ queryKey: queryKeys.listing(kind, id) });
  };

  const bidsShown = !!user && listing.status !== 'draft';
  // An active member of the owner may ask for an appraisal of a published listing.
  const appraisable = own && user?.membershipStatus === 'active' && listing.status === 'published';
  return (
    <article
      className="listing-page"
      data-testid="listing-page"
      data-id={listing.id}
      data-status={listing.status}
    >
      <header className="page-header">
        <p className="page-kicker">
          <KindBadge kind={listing.kind} /> <StatusBadge status={listing.status} />
        </p>
        <h1 data-testid="listing-title">{listing.title}</h1>
        {listing.appraisal && (
          <AppraisedBadge appraisal={listing.appraisal} showSummary testId="listing-appraised" />
        )}
        {listing.organization && (
          <p className="page-meta" data-testid="listing-org">
            <Link to={`/organizations/${listing.organization.id}`} data-testid="listing-org-link">
              {listing.organization.name}
            </Link>{' '}
            <VerifiedBadge verified={listing.organization.verified} />
          </p>
        )}
      </header>

      {notice && (
        <Notice tone={notice === 'feeDue' ? 'info' : 'success'} testId={`notice-${notice}`}>
          {t(`listing.notices.${notice}`)}
        </Notice>
      )}
      {own && listing.status === 'draft' && listing.rejectionReason && (
        <Notice tone="warning" testId="rejection-reason">
          <strong>{t('listing.rejectedBecause')}</strong> {listing.rejectionReason}
        </Notice>
      )}

      {own && listing.status === 'published' && listing.revision && (
        <RevisionOwnerNotice listing={listing} onWithdrawn={() => after('revisionWithdrawn')} />
      )}

      <div className="listing-layout">
        <div className="listing-main">
          <ListingGallery images={listing.images ?? []} title={listing.title} />
          {listing.summary && (
            <p className="lead" data-testid="listing-summary">
              {listing.summary}
            </p>
          )}
          {listing.kind === 'offer' ? (
            listing.description && (
              <section>
                <h2>{t('listing.description')}</h2>
                <div className="prose" data-testid="listing-description">
                  {listing.description}
                </div>
              </section>
            )
          ) : (
            <>
              {listing.problem && (
                <section>
                  <h2>{t('listing.problem')}</h2>
                  <div className="prose" data-testid="listing-problem">
                    {listing.problem}
                  </div>
                </section>
              )}
              {listing.desiredOutcome && (
                <section>
                  <h2>{t('listing.desiredOutcome')}</h2>
                  <div className="prose" data-testid="listing-desired-outcome">
                    {listing.desiredOutcome}
                  </div>
                </section>
              )}
            </>
          )}
          {own && bidsShown && <ListingBidsPanel kind={listing.kind} id={listing.id} />}
          <MatchesPanel kind={listing.kind} id={listing.id} />
          {own && !['closed', 'withdrawn'].includes(listing.status) && (
            <ListingImagesCard kind={listing.kind} id={listing.id} images={listing.images ?? []} />
          )}
          <ListingDocuments kind={listing.kind} id={listing.id} owner={own} />
        </div>
        <aside className="listing-side">
          {own && (
            <div className="card">
              <h2 className="card-title">{t('listing.yourListing')}</h2>
              <OwnerActions listing={listing} onChanged={after} />
            </div>
          )}
          {appraisable && <RequestAppraisalCard kind={listing.kind} listingId={listing.id} />}
          {reviewable && (
            <div className="card">
              <h2 className="card-title">{t('review.title')}</h2>
              <ReviewActions kind={listing.kind} id={listing.id} onDone={after} />
            </div>
          )}
          {isAdmin(user) && listing.revision && (
            <div className="card" data-testid="revision-review">
              <h2 className="card-title">{t('revision.title')}</h2>
              <RevisionChanges listing={listing} />
              <RevisionReviewActions
                listing={listing}
                onDone={(outcome) => after(outcome === 'approved' ? 'revisionApproved' : 'revisionRefused')}
              />
            </div>
          )}
          <div className="card">
            {listing.kind === 'offer' ? <OfferFacts offer={listing} /> : <DemandFacts demand={listing} />}
            {own || !bidsShown ? <CommonFacts listing={listing} /> : null}
          </div>
          {/* Someone else's listing: price, TRL and IP first, then bidding and negotiating, then the rest. */}
          {!own && bidsShown && (
            <>
              <ListingBidsPanel kind={listing.kind} id={listing.id} />
              <div className="card">
                <CommonFacts listing={listing} />
              </div>
            </>
          )}
          {!user && (
            <p className="muted">
              <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('login.title')}</Link>{' '}
              {t('listing.signInToAct')}
            </p>
          )}
        </aside>
      </div>
    </article>
  );
}
