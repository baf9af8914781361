import { pipeline } from 'node:stream/promises';
import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import type { ListingKind } from '../api-contract/enums';
import {
  attachmentParams,
  dealDocumentsResponse,
  documentListResponse,
  documentResponse,
  downloadParams,
  uploadBody,
} from './document.schemas';
import {
  listDocuments,
  openDocument,
  removeDocument,
  uploadDocument,
  type UploadedFile,
} from './document.service';
import { dealDocuments } from './deal-documents.service';
import { decideDocumentAccess, requestDocumentAccess } from './document-access-request.service';
import { dealResponse, describeDeal } from '../deals';
import { singleFileUpload } from './upload.middleware';
import { listingOwnerOnly, withinStorageQuota } from './upload-guard';
import { registerOrganizationEvidenceRoutes } from './organization-evidence.routes';

export function registerDocumentRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'documents';
  const { bus } = ctx;
  const upload = singleFileUpload(ctx.config.uploadMaxBytes);
  for (const kind of ['offer', 'demand'] as const) {
    const base = `/${kind}s/:id/documents`;
    api.add({
      method: 'post',
      path: base,
      tag,
      summary: `Attach a document to your ${kind} (multipart: file, confidential=true|false)`,
      access: 'user',
      params: idParams,
      before: [listingOwnerOnly(kind), withinStorageQuota(ctx.config.uploadQuotaBytes), upload],
      body: uploadBody,
      contentType: 'multipart/form-data',
      status: 201,
      response: documentResponse,
      handler: async ({ user, params, body, req }) => ({
        document: await uploadDocument(
          user,
          kind,
          params.id,
          req.file as UploadedFile | undefined,
          body.confidential,
          bus,
          ctx.config.uploadQuotaBytes,
        ),
      }),
    });
    api.add({
      method: 'get',
      path: base,
      tag,
      summary: `The documents of a ${kind}, with whether you may download each`,
      access: 'public',
      params: idParams,
      response: documentListResponse,
      handler: async ({ maybeUser, params }) => ({
        documents: await listDocuments(maybeUser, kind, params.id),
      }),
    });
    api.add({
      method: 'delete',
      path: `${base}/:attachmentId`,
      tag,
      summary: `Remove a document from your ${kind}`,
      access: 'user',
      params: attachmentParams,
      status: 204,
      handler: ({ user, params }) => removeDocument(user, kind, params.id, params.attachmentId, bus),
    });
  }
  api.add({
    method: 'get',
    path: '/documents/:listingKind/:listingId/:attachmentId',
    tag,
    summary:
      'Download a document: confidential ones only by the owner, operators, the broker, and parties who accepted the NDA',
    access: 'public',
    params: downloadParams,
    answers: 'application/octet-stream',
    handler: async ({ maybeUser, params, res }) => {
      const kind = params.listingKind.replace(/s$/, '') as ListingKind;
      const { attachment, stream } = await openDocument(
        maybeUser,
        kind,
        params.listingId,
        params.attachmentId,
      );
      res.setHeader('Content-Type', attachment.contentType);
      res.setHeader('Content-Length', String(attachment.size));
      res.setHeader('Cache-Control', attachment.confidential ? 'private, no-store' : 'private, max-age=300');
      res.attachment(attachment.name);
      await pipeline(stream, res);
    },
  });
  registerOrganizationEvidenceRoutes(api);
  api.add({
    method: 'get',
    path: '/deals/:id/documents',
    tag,
    summary: 'The documents of the deal’s listing, its NDA text and whether your side accepted it',
    access: 'user',
    params: idParams,
    response: dealDocumentsResponse,
    handler: ({ user, params }) => dealDocuments(user, params.id),
  });
  api.add({
    method: 'post',
    path: '/deals/:id/documents/request',
    tag,
    summary: 'The counterparty asks the listing’s owner for its confidential documents (policy on_request)',
    access: 'user',
    params: idParams,
    response: dealResponse,
    handler: async ({ user, params }) => ({
      deal: await describeDeal(await requestDocumentAccess(user, params.id), user),
    }),
  });
  for (const [action, decision] of [
    ['approve', 'approved'],
    ['refuse', 'refused'],
  ] as const) {
    api.add({
      method: 'post',
      path: `/deals/:id/documents/${action}`,
      tag,
      summary:
        action === 'approve'
          ? 'The listing’s owner lets the counterparty open its confidential documents (after the NDA)'
          : 'The listing’s owner refuses (or withdraws) the counterparty’s access to its confidential documents',
      access: 'user',
      params: idParams,
      response: dealResponse,
      handler: async ({ user, params }) => ({
        deal: await describeDeal(await decideDocumentAccess(user, params.id, decision), user),
      }),
    });
  }
}
