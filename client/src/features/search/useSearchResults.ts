import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { SearchResponse } from '../../types';

interface SearchResults {
  data: SearchResponse | null;
  error: unknown;
  loading: boolean;
}

/** Runs `GET /api/search` whenever the query changes; a newer query cancels the older one. */
export function useSearchResults(query: Record<string, string>): SearchResults {
  const key = new URLSearchParams(query).toString();
  const [state, setState] = useState<SearchResults>({ data: null, error: null, loading: true });

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    api<SearchResponse>(`/api/search?${key}`, { signal: controller.signal })
      .then((data) => setState({ data, error: null, loading: false }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ data: null, error, loading: false });
      });
    return () => controller.abort();
  }, [key]);

  return state;
}
