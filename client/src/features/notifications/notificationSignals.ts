/**
 * Live signals that the user's notifications changed (a socket `notification` event, the socket
 * (re)connecting and so in the user's room again, this tab marking some read), and the rule that
 * keeps what shows notifications, the bell first, right after each: an answer the server gave
 * before the last signal is not shown; it is asked for again.
 *
 * TanStack Query alone does not ensure it: a refresh asked for while a query's first request is
 * under way joins that request instead of asking again (it cancels and asks again only once the
 * query holds data), and that request may have been answered before what the signal announced.
 * The bell then stayed at 0 after a bid placed while the page was still loading, until a reload.
 */
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryClient';

/** Signals heard, per query client (one per tab; the tests make their own). */
const heardBy = new WeakMap<QueryClient, { count: number }>();

function heard(queryClient: QueryClient): { count: number } {
  let heardHere = heardBy.get(queryClient);
  if (!heardHere) heardBy.set(queryClient, (heardHere = { count: 0 }));
  return heardHere;
}

/** A signal: every notification query is asked again, and answers asked for before it are not kept. */
export function notificationsChanged(queryClient: QueryClient): Promise<void> {
  heard(queryClient).count += 1;
  return queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
}

/**
 * The answer of `ask`, asked again until no signal came while it was asked: the answer then
 * knows at least what every signal so far announced. Ends with the query's cancellation
 * (`abort`); each further round needs another signal during the previous one.
 */
export async function askAfterLastSignal<T>(
  queryClient: QueryClient,
  ask: () => Promise<T>,
  abort?: AbortSignal,
): Promise<T> {
  const signals = heard(queryClient);
  for (;;) {
    abort?.throwIfAborted();
    const before = signals.count;
    const answer = await ask();
    if (signals.count === before) return answer;
  }
}
