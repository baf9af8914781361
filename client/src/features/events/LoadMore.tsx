import { useTranslation } from 'react-i18next';

/** How far a list read a page at a time (usePagedList) has got. */
interface PagedListProgress {
  items: readonly unknown[] | undefined;
  total: number | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

/** "Load more" under a list read a page at a time, with how many of how many are shown. */
export function LoadMore({ list, testId }: { list: PagedListProgress; testId: string }) {
  const { t } = useTranslation();
  const { total, hasMore, loadingMore, loadMore } = list;
  if (!hasMore || total === undefined) return null;
  const shown = list.items?.length ?? 0;
  return (
    <p className="load-more">
      <span className="muted">{t('events.paging.shown', { shown, total })}</span>{' '}
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={loadingMore}
        onClick={loadMore}
        data-testid={testId}
      >
        {t('events.paging.more')}
      </button>
    </p>
  );
}
