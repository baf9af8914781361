/**
 * Deal upkeep: the sweeper and the start-up recovery that finish what a stopped flow left half
 * done across a deal and its payments. It sits above both (deals do not import payments).
 */
export { startDealRecovery } from './deal-recovery.starter';
export { dealUpkeepHandlers } from './deal-sweep';
