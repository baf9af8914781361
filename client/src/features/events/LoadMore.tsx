import { useTranslation } from 'react-i18next';

/** "Load more" under a list read a page at a time, with how many of how many are shown. */
export function LoadMore({
  shown,
  total,
  hasMore,
  busy,
  onMore,
  testId,
}: {
  shown: number;
  total: number | undefined;
  hasMore: boolean;
  busy: boolean;
  onMore: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (!hasMore || total === undefined) return null;
  return (
    <p className="load-more">
      <span className="muted">{t('events.paging.shown', { shown, total })}</span>{' '}
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={busy}
        onClick={onMore}
        data-testid={testId}
      >
        {t('events.paging.more')}
      </button>
    </p>
  );
}
