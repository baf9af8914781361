import type http from 'node:http';
import type { Config } from './config';
import type { EventBus } from './common/events';
import type { SearchEngine } from '../search';
import type { BuiltApp, Worker } from './runtime-types';
import type { ResponseMismatch } from './common/api-router';

export type BackgroundStarter = (
  ctx: AppContext,
  runtime: { httpServer: http.Server; built: BuiltApp },
) => Promise<Worker> | Worker;

/** What the components of a running exchange share. Built by exchange.ts (or a test) and passed down. */
export interface AppContext {
  config: Config;
  bus: EventBus;
  search: SearchEngine;
  /** True when the search index was missing, damaged or of an older layout at start-up. */
  searchNeedsRebuild?: boolean;
  /** Background work started with the exchange (indexer, scheduler, realtime), in order. */
  backgroundStarters?: BackgroundStarter[];
  /** Told of each answer that does not match its response schema (with CHECK_RESPONSES; tests). */
  onResponseMismatch?: (mismatch: ResponseMismatch) => void;
}
