/**
 * Deal reference numbers, `GD-<year>-<6-digit sequence>` (GD: giao dịch), one sequence per year
 * in Vietnam's time. A number is taken under the year's lock (a lock document, or Redis): read,
 * add one, write; one writer at a time, so no two deals get the same number on FerretDB or MongoDB
 * alike, without transactions. The deals' unique index on `reference` stands behind it.
 */
import { holdLocks } from '../common/store';
import { DealReferenceCounterModel } from './deal-reference.model';

const VIETNAM_OFFSET_MS = 7 * 3600_000;

export function formatDealReference(year: number, seq: number): string {
  return `GD-${year}-${String(seq).padStart(6, '0')}`;
}

/** The year a deal created at `at` is numbered in (Vietnam's calendar year). */
export function referenceYear(at: Date): number {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
}

/** Takes the next reference number of the year of `at`. */
export async function allocateDealReference(at: Date = new Date()): Promise<string> {
  const year = referenceYear(at);
  const id = String(year);
  return holdLocks([`deal-reference:${year}`], async () => {
    const counter = await DealReferenceCounterModel.findById(id).lean();
    const seq = (counter?.seq ?? 0) + 1;
    if (counter) await DealReferenceCounterModel.updateOne({ _id: id }, { $set: { seq } });
    else await DealReferenceCounterModel.create({ _id: id, seq });
    return formatDealReference(year, seq);
  });
}
