import multer from 'multer';
import type { Request, RequestHandler } from 'express';
import type { ApiRouter } from '../common/api-router';
import { AppError } from '../common/errors';
import { idParams, isObjectId } from '../common/ids';
import type { SessionUser } from '../common/session-user';
import type { AppContext } from '../context';
import type { ListingKind } from '../api-contract/enums';
import { MAX_LISTING_IMAGE_BYTES } from '../api-contract/listing-images';
import { imageFileParams, imageParams, imageResponse, imageUploadBody } from './listing-image.schemas';
import { addImage, openImage, ownedListing, removeImage, type UploadedImage } from './listing-image.service';

/** Who may upload is decided before a byte of the file is read. */
function ownerOnly(kind: ListingKind): RequestHandler {
  return async (req: Request, _res, next) => {
    const id = req.params.id;
    if (!isObjectId(id))
      throw AppError.validation([{ field: 'id', message: 'id must be a 24-character hex id' }]);
    await ownedListing(kind, id, req.user as SessionUser);
    next();
  };
}

/** multipart/form-data with one file in field `image`, in memory up to 8 MB (413 beyond). */
function imageUpload(): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_LISTING_IMAGE_BYTES, files: 1, fields: 5, parts: 6 },
    defParamCharset: 'utf8',
  }).single('image');
  return (req, res, next) => {
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE')
          return next(
            new AppError('payload_too_large', `The image is larger than ${MAX_LISTING_IMAGE_BYTES} bytes.`, [
              { field: 'image', message: 'image is too large', limit: MAX_LISTING_IMAGE_BYTES },
            ]),
          );
        const field = err.field ?? 'image';
        return next(AppError.validation([{ field, message: `${field}: ${err.message}` }]));
      }
      next(
        AppError.validation(
          [{ field: 'body', message: `The multipart body cannot be read: ${(err as Error).message}` }],
          'Malformed multipart body',
        ),
      );
    });
  };
}

export function registerListingImageRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'listing images';
  const deps = { bus: ctx.bus, dataDir: ctx.config.dataDir };
  const upload = imageUpload();
  for (const kind of ['offer', 'demand'] as const) {
    const base = `/${kind}s/:id/images`;
    api.add({
      method: 'post',
      path: base,
      tag,
      summary: `Add an image to your ${kind} (multipart: image = JPEG, PNG or WebP, at least 200×200, at most 8 MB; at most 6 images; alt)`,
      access: 'user',
      params: idParams,
      before: [ownerOnly(kind), upload],
      body: imageUploadBody,
      contentType: 'multipart/form-data',
      status: 201,
      response: imageResponse,
      handler: async ({ user, params, body, req }) => ({
        image: await addImage(user, kind, params.id, req.file as UploadedImage | undefined, body.alt, deps),
      }),
    });
    api.add({
      method: 'delete',
      path: `${base}/:imageId`,
      tag,
      summary: `Remove an image from your ${kind}`,
      access: 'user',
      params: imageParams,
      status: 204,
      handler: ({ user, params }) => removeImage(user, kind, params.id, params.imageId, deps),
    });
  }
  api.add({
    method: 'get',
    path: '/listing-images/:imageId/:size',
    tag,
    summary:
      'An image of a listing as WebP (large or thumb): public when the listing is, otherwise to its organization and operators',
    access: 'public',
    params: imageFileParams,
    answers: 'image/webp',
    handler: async ({ maybeUser, params, res }) => {
      const { content, isPublic } = await openImage(maybeUser, params.imageId, params.size, deps.dataDir);
      res.setHeader('Content-Type', 'image/webp');
      res.setHeader('Content-Length', String(content.length));
      // An image id is never reused and its bytes never change.
      res.setHeader(
        'Cache-Control',
        isPublic ? 'public, max-age=31536000, immutable' : 'private, max-age=86400',
      );
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.end(content);
    },
  });
}
