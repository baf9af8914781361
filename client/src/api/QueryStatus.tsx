import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';

/** A query's loading and error states, shown the same way everywhere: nothing once it has data. */
export function QueryStatus({ query }: { query: Pick<UseQueryResult, 'isPending' | 'error'> }) {
  if (query.error) return <ErrorAlert error={query.error} />;
  if (query.isPending) return <Loading />;
  return null;
}
