import Joi from 'joi';
import { pipeline } from 'node:stream/promises';
import type { ApiRouter } from '../common/api-router';
import { idParams, objectId } from '../common/ids';
import {
  EVIDENCE_KINDS,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_DOCUMENTS,
  type EvidenceKind,
} from '../api-contract/organization-evidence';
import { evidenceSchema } from '../organizations';
import { singleFileUpload } from './upload.middleware';
import type { UploadedFile } from './document.service';
import {
  evidenceUploaderOnly,
  listEvidence,
  openEvidence,
  removeEvidenceDocument,
  uploadEvidence,
} from './organization-evidence.service';

export interface EvidenceParams {
  id: string;
  evidenceId: string;
}

export interface EvidenceUpload {
  kind: EvidenceKind;
}

export interface EvidenceOpenQuery {
  download: boolean;
}

const evidenceParams = Joi.object<EvidenceParams>({
  id: objectId().required(),
  evidenceId: objectId().required(),
});

export function registerOrganizationEvidenceRoutes(api: ApiRouter): void {
  const tag = 'organizations';
  const base = '/organizations/:id/evidence';
  api.add({
    method: 'post',
    path: base,
    tag,
    summary: `Add an evidence document for verification to your organization (its administrators; multipart: file = PDF, JPEG or PNG by content, at most ${MAX_EVIDENCE_BYTES} bytes; kind; at most ${MAX_EVIDENCE_DOCUMENTS})`,
    access: 'user',
    params: idParams,
    before: [evidenceUploaderOnly(), singleFileUpload(MAX_EVIDENCE_BYTES)],
    body: Joi.object<EvidenceUpload>({
      kind: Joi.string()
        .valid(...EVIDENCE_KINDS)
        .default('other'),
    }),
    contentType: 'multipart/form-data',
    status: 201,
    response: Joi.object({ document: evidenceSchema.required() }),
    handler: async ({ user, params, body, req }) => ({
      document: await uploadEvidence(user, params.id, req.file as UploadedFile | undefined, body.kind),
    }),
  });
  api.add({
    method: 'get',
    path: base,
    tag,
    summary: 'An organization’s evidence documents: to its administrators and operators',
    access: 'user',
    params: idParams,
    response: Joi.object({ documents: Joi.array().items(evidenceSchema).required() }),
    handler: async ({ user, params }) => ({ documents: await listEvidence(user, params.id) }),
  });
  api.add({
    method: 'get',
    path: `${base}/:evidenceId`,
    tag,
    summary:
      'Open an evidence document (its organization’s administrators and operators; inline, never cached)',
    access: 'user',
    params: evidenceParams,
    query: Joi.object<EvidenceOpenQuery>({ download: Joi.boolean().default(false) }),
    answers: 'application/octet-stream',
    handler: async ({ user, params, query, res }) => {
      const { document, stream } = await openEvidence(user, params.id, params.evidenceId);
      res.setHeader('Content-Type', document.contentType);
      res.setHeader('Content-Length', String(document.size));
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Opened in the browser's viewer, or saved with its name when asked (?download=true).
      res.attachment(document.name);
      if (!query.download)
        res.setHeader(
          'Content-Disposition',
          String(res.getHeader('Content-Disposition')).replace(/^attachment/, 'inline'),
        );
      await pipeline(stream, res);
    },
  });
  api.add({
    method: 'delete',
    path: `${base}/:evidenceId`,
    tag,
    summary: 'Remove an evidence document from your organization (its administrators)',
    access: 'user',
    params: evidenceParams,
    status: 204,
    handler: ({ user, params }) => removeEvidenceDocument(user, params.id, params.evidenceId),
  });
}
