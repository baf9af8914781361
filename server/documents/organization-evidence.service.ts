/**
 * Organizations' evidence documents for verification (a business registration certificate, an
 * establishment decision…): their administrators upload and remove them; they and the
 * exchange's operators list and open them; nobody else learns of them. The bytes go to the
 * documents store (GridFS, tagged with the organization), the entries to the organization store.
 */
import mongoose from 'mongoose';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import { isOrganizationAdmin, type SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { addEvidence, organizationReads, removeEvidence, type OrganizationDoc } from '../organizations';
import {
  EVIDENCE_CONTENT_TYPES,
  MAX_EVIDENCE_DOCUMENTS,
  evidenceUrl,
  type EvidenceKind,
} from '../api-contract/organization-evidence';
import { cleanFileName, detectTypeByContent } from './document-types';
import { deleteFile, openFile, storeFile } from './document-storage';
import type { UploadedFile } from './document.service';

interface EvidenceEntry {
  _id: unknown;
  fileId: unknown;
  kind: string;
  name: string;
  size: number;
  contentType: string;
  uploadedAt: Date;
}

export function evidenceView(orgId: string, e: EvidenceEntry) {
  return {
    id: String(e._id),
    kind: e.kind as EvidenceKind,
    name: e.name,
    size: e.size,
    contentType: e.contentType,
    uploadedAt: new Date(e.uploadedAt).toISOString(),
    url: evidenceUrl(orgId, String(e._id)),
  };
}

export type EvidenceView = ReturnType<typeof evidenceView>;

export function evidenceViews(org: Pick<OrganizationDoc, '_id' | 'evidence'>): EvidenceView[] {
  return ((org.evidence ?? []) as EvidenceEntry[]).map((e) => evidenceView(String(org._id), e));
}

const forbidden = () =>
  AppError.forbidden('Only the organization’s administrators and the exchange’s operators see its evidence.');

/** The organization, if `user` may see its evidence (its administrators, operators); 404 / 403 otherwise. */
async function organizationFor(user: SessionUser, orgId: string, action: 'read' | 'change') {
  const org = await organizationReads.findById(orgId).lean();
  if (!org) throw AppError.notFound('Organization');
  const admin = isOrganizationAdmin(user, orgId);
  if (!admin && !(action === 'read' && user.role === 'admin')) throw forbidden();
  return org as OrganizationDoc;
}

/** Who may upload is decided before a byte of the file is read. */
export function evidenceUploaderOnly(): RequestHandler {
  return async (req: Request, _res, next) => {
    const id = req.params.id;
    if (!isObjectId(id))
      throw AppError.validation([{ field: 'id', message: 'id must be a 24-character hex id' }]);
    await organizationFor(req.user as SessionUser, id, 'change');
    next();
  };
}

export async function listEvidence(user: SessionUser, orgId: string): Promise<EvidenceView[]> {
  return evidenceViews(await organizationFor(user, orgId, 'read'));
}

export async function uploadEvidence(
  user: SessionUser,
  orgId: string,
  file: UploadedFile | undefined,
  kind: EvidenceKind,
): Promise<EvidenceView> {
  await organizationFor(user, orgId, 'change');
  if (!file) throw AppError.validation([{ field: 'file', message: 'file is required' }]);
  const contentType = detectTypeByContent(file.buffer.subarray(0, 16), EVIDENCE_CONTENT_TYPES);
  if (!contentType)
    throw AppError.validation(
      [{ field: 'file', message: 'file must be a PDF, JPEG or PNG document' }],
      'Upload a PDF, JPEG or PNG document.',
    );
  const name = cleanFileName(file.originalname);
  const fileId = await storeFile(file.buffer, {
    fileName: name,
    contentType,
    metadata: { organizationId: orgId },
  });
  const id = new mongoose.Types.ObjectId();
  const entry = {
    _id: id,
    fileId,
    kind,
    name,
    size: file.size,
    contentType,
    uploadedAt: new Date(),
    uploadedBy: new mongoose.Types.ObjectId(user.id),
  };
  let updated;
  try {
    updated = await addEvidence(orgId, entry, MAX_EVIDENCE_DOCUMENTS);
  } catch (err) {
    await deleteFile(fileId);
    throw err;
  }
  if (!updated) {
    await deleteFile(fileId);
    throw new AppError(
      'conflict',
      `An organization holds at most ${MAX_EVIDENCE_DOCUMENTS} evidence documents.`,
      [
        {
          field: 'file',
          message: `at most ${MAX_EVIDENCE_DOCUMENTS} documents`,
          limit: MAX_EVIDENCE_DOCUMENTS,
        },
      ],
    );
  }
  await recordAudit({
    actorId: user.id,
    action: 'organization.evidence_add',
    targetType: 'organization',
    targetId: orgId,
    data: { evidenceId: String(id), kind, name },
  });
  return evidenceView(orgId, entry);
}

export async function removeEvidenceDocument(user: SessionUser, orgId: string, evidenceId: string) {
  await organizationFor(user, orgId, 'change');
  const removed = await removeEvidence(orgId, evidenceId);
  if (!removed) throw AppError.notFound('Document');
  await deleteFile(removed.fileId);
  await recordAudit({
    actorId: user.id,
    action: 'organization.evidence_remove',
    targetType: 'organization',
    targetId: orgId,
    data: { evidenceId },
  });
}

/** The document's bytes for its organization's administrators and operators (each opening by an operator is audited). */
export async function openEvidence(user: SessionUser, orgId: string, evidenceId: string) {
  const org = await organizationFor(user, orgId, 'read');
  const entry = ((org.evidence ?? []) as EvidenceEntry[]).find((e) => String(e._id) === evidenceId);
  if (!entry) throw AppError.notFound('Document');
  const stream = await openFile(String(entry.fileId), { organizationId: orgId });
  if (!stream) throw AppError.notFound('Document');
  if (user.role === 'admin')
    await recordAudit({
      actorId: user.id,
      action: 'organization.evidence_open',
      targetType: 'organization',
      targetId: orgId,
      data: { evidenceId },
    });
  return { document: evidenceView(orgId, entry), stream };
}
