/** The matcher (offers against demands, scored with reasons), its routes and what it learns from deal outcomes. */
export type { MatchReason } from './match-score';
export {
  counterpartKind,
  matchableFromDoc,
  matchText,
  type Matchable,
  type MatchableDemand,
  type MatchKind,
} from './matchable';
export { findMatches, scorePair, type CandidateStore, type ScoredMatch } from './matcher';
export { matcherDeps } from './match.service';
export { registerMatchRoutes } from './match.routes';
export { followTurnedDownTrls } from './turned-down-sync';
