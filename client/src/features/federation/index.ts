/** What other features may use of this one (the lint wall: .dependency-cruiser.cjs). */
export { PartnersPage } from './PartnersPage';
export { InquiryForm } from './InquiryForm';
