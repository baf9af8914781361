/** A broker's desk: the deals they were proposed for or broker, and their commission. */
export { registerBrokerRoutes } from './broker.routes';
