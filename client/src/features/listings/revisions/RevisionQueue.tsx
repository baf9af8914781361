import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../api/QueryStatus';
import { queryKeys } from '../../../api/queryClient';
import { formatDateTime } from '../../../dates';
import { useLabels } from '../../../labels';
import type { Listing } from '../../../types';
import { KindBadge } from '../../../ui/KindBadge';
import { Notice } from '../../../ui/Notice';
import { VerifiedBadge } from '../../../ui/VerifiedBadge';
import { listingHref } from '../listingApi';
import { RevisionChanges } from './RevisionChanges';
import { RevisionReviewActions, type RevisionOutcome } from './RevisionReviewActions';
import { revisionQueue, revisionQueueKey } from './revisionApi';

/** The operators' queue of changes to published listings: each with its before/after and a decision. */
export function RevisionQueue() {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [last, setLast] = useState<{ title: string; outcome: RevisionOutcome } | null>(null);
  const query = useQuery({ queryKey: revisionQueueKey, queryFn: ({ signal }) => revisionQueue(signal) });
  const items = query.data;

  function onDone(listing: Listing, outcome: RevisionOutcome) {
    setLast({ title: listing.title, outcome });
    queryClient.setQueryData<Listing[]>(revisionQueueKey, (all) =>
      (all ?? []).filter((l) => !(l.id === listing.id && l.kind === listing.kind)),
    );
    void queryClient.invalidateQueries({ queryKey: queryKeys.listing(listing.kind, listing.id) });
  }

  return (
    <section className="revision-queue" aria-labelledby="revision-queue-title">
      <h2 id="revision-queue-title">
        {t('revision.queueTitle')} {items && <span className="count">({items.length})</span>}
      </h2>
      <p className="muted">{t('revision.queueIntro')}</p>
      {last && (
        <Notice tone="success" testId={`notice-revision-${last.outcome}`}>
          {t(`revision.done.${last.outcome}`, { title: last.title })}
        </Notice>
      )}
      <QueryStatus query={query} />
      {items && items.length === 0 && (
        <p className="empty-state" data-testid="revision-queue-empty">
          {t('revision.queueEmpty')}
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="queue" data-testid="revision-queue">
          {items.map((listing) => (
            <li
              key={`${listing.kind}-${listing.id}`}
              className="card queue-item"
              data-testid={`revision-item-${listing.id}`}
              data-kind={listing.kind}
            >
              <div className="queue-item-body">
                <p className="page-kicker">
                  <KindBadge kind={listing.kind} />{' '}
                  <span className="hit-field">{labels.field(listing.field)}</span>
                </p>
                <h3 className="queue-title">
                  <Link to={listingHref(listing.kind, listing.id)}>{listing.title}</Link>
                </h3>
                <p className="row-note">
                  {listing.organization?.name}{' '}
                  {listing.organization && <VerifiedBadge verified={listing.organization.verified} />} ·{' '}
                  {t('review.submittedAt', {
                    date: formatDateTime(listing.revision?.submittedAt, labels.locale),
                  })}
                </p>
                <RevisionChanges listing={listing} />
              </div>
              <RevisionReviewActions listing={listing} onDone={(outcome) => onDone(listing, outcome)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
