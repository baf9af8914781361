/**
 * Uploaded files in GridFS (bucket `documents`, 255 KB chunks), which FerretDB 1.24 supports
 * as it does MongoDB: a files collection and a chunks collection of ordinary documents.
 */
import { Readable } from 'node:stream';
import mongoose from 'mongoose';

function bucket() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('The database is not connected');
  return new mongoose.mongo.GridFSBucket(db, { bucketName: 'documents' });
}

export async function storeFile(
  content: Buffer,
  meta: { fileName: string; contentType: string; metadata?: Record<string, unknown> },
): Promise<mongoose.Types.ObjectId> {
  const upload = bucket().openUploadStream(meta.fileName, {
    metadata: { contentType: meta.contentType, ...meta.metadata },
  });
  await new Promise<void>((resolve, reject) => {
    upload.once('error', reject);
    upload.once('finish', () => resolve());
    Readable.from([content]).pipe(upload);
  });
  return upload.id as mongoose.Types.ObjectId;
}

/**
 * The file's bytes as a stream, or null when the store has no such file or the file was not
 * uploaded to `owner` (every key of `owner` must match the file's metadata: an attachment entry
 * pointing at another listing's file, or an organization's evidence entry pointing at another
 * organization's, opens nothing).
 */
export async function openFile(
  fileId: string,
  owner: { listingKind: string; listingId: string } | { organizationId: string },
): Promise<NodeJS.ReadableStream | null> {
  const id = new mongoose.Types.ObjectId(fileId);
  const store = bucket();
  const file = await store.find({ _id: id }).limit(1).next();
  const meta = (file?.metadata ?? {}) as Record<string, unknown>;
  if (!file || !Object.entries(owner).every(([k, v]) => meta[k] === v)) return null;
  return store.openDownloadStream(id);
}

export async function deleteFile(fileId: string | mongoose.Types.ObjectId): Promise<void> {
  try {
    await bucket().delete(new mongoose.Types.ObjectId(String(fileId)));
  } catch (err) {
    if (!/FileNotFound|not found/i.test(String((err as Error).message))) throw err;
  }
}
