import Joi from 'joi';
import { objectId } from '../common/ids';

export interface UploadBody {
  confidential: boolean;
}

export const uploadBody = Joi.object<UploadBody>({
  confidential: Joi.boolean().default(false),
});

export interface AttachmentParams {
  id: string;
  attachmentId: string;
}

export const attachmentParams = Joi.object<AttachmentParams>({
  id: objectId().required(),
  attachmentId: objectId().required(),
});

export interface DownloadParams {
  listingKind: 'offer' | 'demand' | 'offers' | 'demands';
  listingId: string;
  attachmentId: string;
}

export const downloadParams = Joi.object<DownloadParams>({
  listingKind: Joi.string().valid('offer', 'demand', 'offers', 'demands').required(),
  listingId: objectId().required(),
  attachmentId: objectId().required(),
});

// Response schemas (documentation and the client's generated types): `.required()` marks what
// documentView and dealDocuments always send.
const documentSchema = Joi.object({
  id: Joi.string().required(),
  name: Joi.string().required(),
  size: Joi.number().integer().required(),
  contentType: Joi.string().required(),
  confidential: Joi.boolean().required(),
  uploadedAt: Joi.string(),
  downloadable: Joi.boolean().required(),
  url: Joi.string().required(),
});

export const documentResponse = Joi.object({ document: documentSchema.required() });
export const documentListResponse = Joi.object({ documents: Joi.array().items(documentSchema).required() });
export const dealDocumentsResponse = Joi.object({
  documents: Joi.array().items(documentSchema).required(),
  ndaText: Joi.string().allow('').required(),
  ndaAccepted: Joi.boolean().required(),
  access: Joi.object({
    policy: Joi.string().valid('on_request', 'nda').required(),
    ownerOrgId: Joi.string(),
    status: Joi.string().valid('none', 'requested', 'approved', 'refused').required(),
    brokerConsented: Joi.boolean().required(),
  }),
});
