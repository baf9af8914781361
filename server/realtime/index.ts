/** Real-time rooms over Socket.IO: started with the exchange. */
export { startRealtime } from './realtime.starter';
