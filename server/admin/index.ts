/** The operators' desk: moderating listings and organizations, milestones and payments. */
export { registerAdminListingRoutes } from './admin-listings.routes';
export { registerAdminMilestoneRoutes } from './admin-milestones.routes';
export { registerAdminOrganizationRoutes } from './admin-organizations.routes';
export { registerAdminPaymentRoutes } from './admin-payments.routes';
