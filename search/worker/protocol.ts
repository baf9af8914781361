/** Messages between the main thread and the thread that runs the embedded engine. */
import type { SearchEngine } from '../types';

export type EngineMethod = Exclude<keyof SearchEngine, 'name'>;

export interface EngineCall {
  id: number;
  method: EngineMethod;
  args: unknown[];
}

export type EngineReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string } };

export interface EngineWorkerData {
  path: string;
}
