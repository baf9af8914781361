import Joi from 'joi';
import { objectId } from '../common/ids';

export const uploadBody = Joi.object({
  confidential: Joi.boolean().default(false),
});

export const attachmentParams = Joi.object({
  id: objectId().required(),
  attachmentId: objectId().required(),
});

export const downloadParams = Joi.object({
  listingKind: Joi.string().valid('offer', 'demand', 'offers', 'demands').required(),
  listingId: objectId().required(),
  attachmentId: objectId().required(),
});

const documentSchema = Joi.object({
  id: Joi.string(),
  name: Joi.string(),
  size: Joi.number().integer(),
  contentType: Joi.string(),
  confidential: Joi.boolean(),
  uploadedAt: Joi.string(),
  downloadable: Joi.boolean(),
  url: Joi.string(),
});

export const documentResponse = Joi.object({ document: documentSchema });
export const documentListResponse = Joi.object({ documents: Joi.array().items(documentSchema) });
export const dealDocumentsResponse = Joi.object({
  documents: Joi.array().items(documentSchema),
  ndaText: Joi.string(),
  ndaAccepted: Joi.boolean(),
  access: Joi.object({
    policy: Joi.string().valid('on_request', 'nda'),
    ownerOrgId: Joi.string(),
    status: Joi.string().valid('none', 'requested', 'approved', 'refused'),
    brokerConsented: Joi.boolean(),
  }),
});
