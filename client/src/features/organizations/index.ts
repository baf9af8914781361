/** What other features may use of this one (the lint wall: .dependency-cruiser.cjs). */
export * from './OrganizationEvidence';
export * from './OrganizationMembers';
export * from './OrganizationPicker';
export * from './organizationsApi';
