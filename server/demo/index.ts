/** The demo data, loaded into an empty database. */
export { loadDemoData } from './load-demo';
