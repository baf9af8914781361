/** What other features may use of this one (the lint wall: .dependency-cruiser.cjs). */
export { PartnersPage } from './PartnersPage';
export { InquiryForm } from './InquiryForm';
export { ImportedListingPage } from './ImportedListingPage';
export { MyInquiriesPage } from './MyInquiriesPage';
export { ReceivedInquiriesPage } from './ReceivedInquiriesPage';
export { ApiKeysPage } from './ApiKeysPage';
