/** Limits of the server's listing schemas, mirrored so forms can warn before sending. */
export const TITLE_MIN = 5;
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 500;
export const LONG_TEXT_MAX = 20000;
export const KEYWORDS_MAX = 20;
export const IP_NUMBERS_MAX = 20;
export const SECTORS_MAX = 20;

/** IP statuses that come with a registration or application number. */
export const NUMBERED_IP_STATUSES: readonly string[] = [
  'patent_granted',
  'patent_pending',
  'utility_solution',
  'industrial_design',
  'copyright',
];
