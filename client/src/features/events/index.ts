/** What other features may use of this one (the lint wall: .dependency-cruiser.cjs). */
export * from './eventTypes';
export * from './eventsApi';
