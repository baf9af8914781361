/** The search state store: the database's index generation, the only writer of search_state. */
import { SearchStateModel } from './search-state.model';

const STATE_ID = 'listings';

/** Asks every index built from this database to rebuild; the new generation. */
export async function bumpSearchGeneration(): Promise<number> {
  const state = await SearchStateModel.findByIdAndUpdate(
    STATE_ID,
    { $inc: { generation: 1 } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  return state!.generation;
}

export async function searchGeneration(): Promise<number> {
  const state = await SearchStateModel.findById(STATE_ID).lean();
  return state?.generation ?? 0;
}
