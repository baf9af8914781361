import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { findJoinableOrganizations } from '../organizations';
import { expertKeys } from './expertsApi';

/** Characters typed before the directory is asked (as the server's `joinable` search). */
const MIN_QUERY = 2;
const DEBOUNCE_MS = 250;

/** Organizations whose name begins with what was typed (those awaiting verification too), asked once typing pauses. */
export function useOrganizationSearch(text: string) {
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  const enabled = query.length >= MIN_QUERY;
  const search = useQuery({
    queryKey: expertKeys.organizationSearch(query),
    queryFn: ({ signal }) => findJoinableOrganizations(query, signal),
    enabled,
  });
  return { enabled, query, search, minQuery: MIN_QUERY };
}
