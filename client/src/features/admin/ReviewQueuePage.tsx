import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Listing } from '../../types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { reviewQueue } from './adminApi';
import { QueueItem } from './QueueItem';

export function ReviewQueuePage() {
  const { t } = useTranslation();
  const [queue, setQueue] = useState<Listing[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [last, setLast] = useState<{ title: string; outcome: 'approved' | 'rejected' } | null>(null);
  useDocumentTitle(t('review.queueTitle'));

  useEffect(() => {
    const controller = new AbortController();
    reviewQueue(controller.signal)
      .then(setQueue)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      });
    return () => controller.abort();
  }, []);

  function onDone(listing: Listing, outcome: 'approved' | 'rejected') {
    setLast({ title: listing.title, outcome });
    setQueue((items) => (items ?? []).filter((l) => !(l.id === listing.id && l.kind === listing.kind)));
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
      <ErrorAlert error={error} />
      {!queue && !error && <Loading />}
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
    </section>
  );
}
