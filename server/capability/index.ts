/** Technology-capability assessments (Circular 17/2019/TT-BKHCN): the routes, and the pure scoring for others. */
export { registerCapabilityRoutes } from './capability.routes';
export { scoreCapability, type CapabilityScore } from './capability-rules';
