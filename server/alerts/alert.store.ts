/** The alert store: the only code that writes saved searches (each its owner's). */
import type { ModelReads } from '../common/store';
import { AlertModel, type AlertDoc } from './alert.model';

export const alertReads: ModelReads<typeof AlertModel> = AlertModel;

export async function createAlertDoc(fields: Record<string, unknown>): Promise<AlertDoc> {
  const doc = new AlertModel(fields);
  await doc.save();
  return doc.toObject() as AlertDoc;
}

/** Deletes the user's alert; false when they have none with this id. */
export async function deleteAlertDoc(id: string, userId: string): Promise<boolean> {
  const result = await AlertModel.deleteOne({ _id: id, userId });
  return result.deletedCount > 0;
}
