/**
 * What every room's socket handlers share: handling counted as under way, rate budgets and the
 * user as the database knows them now.
 */
import { AppError } from '../common/errors';
import { loadSessionUser } from '../auth';
import { roomUserOf } from './session-handshake';
import { socketHandler } from './socket-handler';
import type { InFlight } from './in-flight';
import type { TokenBuckets } from './token-bucket';
import type { DealsSocket } from './socket-types';

/** At most this many missed messages are sent on a rejoin; more are read over HTTP. */
export const CATCH_UP_LIMIT = 200;

export function spend(limiter: TokenBuckets, key: string, what: string): void {
  if (!limiter.take(key)) throw new AppError('rate_limited', `You are ${what} too quickly; wait a moment`);
}

/** The user as the database knows them now (their membership may have changed since they connected). */
export async function refreshUser(socket: DealsSocket) {
  const user = await loadSessionUser(socket.data.user.id);
  if (!user) throw AppError.unauthenticated();
  socket.data.user = roomUserOf(user);
  return user;
}

/** Room events handled as socketHandler does, each under way until handled: a shutdown lets it finish. */
export function roomEventHandler(inFlight: InFlight | undefined) {
  return <In, Out extends object>(
    event: string,
    schema: Parameters<typeof socketHandler>[1],
    work: (input: In) => Promise<Out> | Out,
  ) => socketHandler(event, schema, work, inFlight);
}
