/**
 * While mongoose knows the database is gone, API calls answer 503 at once instead of each
 * waiting for server selection to time out. The API document needs no database.
 */
import type { RequestHandler } from 'express';
import mongoose from 'mongoose';
import { databaseUnavailable } from './errors';

const CONNECTED = 1;
const NEEDS_NO_DATABASE = /^\/(openapi\.json$|docs(\/|$))/;

export const requireDatabase: RequestHandler = (req, _res, next) => {
  if (mongoose.connection.readyState === CONNECTED || NEEDS_NO_DATABASE.test(req.path)) return next();
  next(databaseUnavailable());
};
