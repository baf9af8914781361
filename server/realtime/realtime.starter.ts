import type { BackgroundStarter } from '../context';
import { createRealtimeServer } from './realtime-server';

/** Starts the Socket.IO server with the exchange; stopping it disconnects every socket. */
export const startRealtime: BackgroundStarter = async (ctx, { httpServer, built }) => {
  const realtime = await createRealtimeServer(httpServer, {
    bus: ctx.bus,
    sessionMiddlewares: [built.sessionMiddleware, ...built.passportMiddlewares],
    publicUrl: ctx.config.publicUrl,
    redisUrl: ctx.config.redisUrl,
  });
  return { name: 'realtime', stop: () => realtime.close() };
};
