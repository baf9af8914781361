/** What the capability feature shares: its pages (App.tsx loads them lazily, with the charts). */
export { CapabilityPage } from './CapabilityPage';
export { CapabilityDirectoryPage } from './CapabilityDirectoryPage';
export { AdminCapabilitiesPage } from './AdminCapabilitiesPage';
