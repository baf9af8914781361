/** What the statistics feature shares with the others. */
export { PriceGuidancePanel } from './PriceGuidancePanel';
