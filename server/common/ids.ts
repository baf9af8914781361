import Joi from 'joi';
import mongoose from 'mongoose';

/** A 24-hex-digit id, as the API's string ids are. */
export const objectId = () => Joi.string().hex().length(24);

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && mongoose.isValidObjectId(value) && /^[0-9a-f]{24}$/i.test(value);
}

export const idParams = Joi.object<{ id: string }>({ id: objectId().required() });
