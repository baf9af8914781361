/** What other features may use of this one (the lint wall: .dependency-cruiser.cjs). */
export * from './ChatPanel';
export * from './UnreadBadge';
export * from './roomSocket';
export * from './useUnreadCounts';
export * from './MeetingChatPanel';
