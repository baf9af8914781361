import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

interface PageAnswer {
  total: number;
  page: number;
  limit: number;
}

/** A list read a page at a time (`page`/`limit`), its pages joined; `loadMore` asks for the next one. */
export function usePagedList<P extends PageAnswer, T>(
  queryKey: QueryKey,
  fetchPage: (page: number, signal: AbortSignal) => Promise<P>,
  itemsOf: (page: P) => T[],
) {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: 1,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    getNextPageParam: (last: P) => (last.page * last.limit < last.total ? last.page + 1 : undefined),
  });
  return {
    query,
    items: query.data?.pages.flatMap(itemsOf),
    total: query.data?.pages[0]?.total,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}
