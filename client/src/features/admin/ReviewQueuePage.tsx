import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Listing } from '../../types';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { reviewQueue } from './adminApi';
import { QueueItem } from './QueueItem';
import { RevisionQueue } from '../listings';

export function ReviewQueuePage() {
  const { t } = useTranslation();
  const [last, setLast] = useState<{ title: string; outcome: 'approved' | 'rejected' } | null>(null);
  useDocumentTitle(t('review.queueTitle'));
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.reviewQueue, queryFn: ({ signal }) => reviewQueue(signal) });
  const queue = query.data;

  function onDone(listing: Listing, outcome: 'approved' | 'rejected') {
    setLast({ title: listing.title, outcome });
    queryClient.setQueryData<Listing[]>(queryKeys.reviewQueue, (items) =>
      (items ?? []).filter((l) => !(l.id === listing.id && l.kind === listing.kind)),
    );
  }

  return (
    <section>
      <h1>
        {t('review.queueTitle')} {queue && <span className="count">({queue.length})</span>}
      </h1>
      <p className="muted">{t('review.queueIntro')}</p>
      {last && (
        <Notice tone="success" testId={`notice-${last.outcome}`}>
          {t(`review.done.${last.outcome}`, { title: last.title })}
        </Notice>
      )}
      <QueryStatus query={query} />
      {queue && queue.length === 0 && (
        <p className="empty-state" data-testid="queue-empty">
          {t('review.empty')}
        </p>
      )}
      {queue && queue.length > 0 && (
        <ul className="queue" data-testid="review-queue">
          {queue.map((listing) => (
            <QueueItem key={`${listing.kind}-${listing.id}`} listing={listing} onDone={onDone} />
          ))}
        </ul>
      )}
      <RevisionQueue />
    </section>
  );
}
