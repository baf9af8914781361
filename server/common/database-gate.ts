/**
 * While mongoose knows the database is gone, writes answer 503 at once instead of each
 * waiting for server selection to time out. Reads go on: many are served from the search
 * index and caches, and those that need the database get the same 503 when selection fails.
 */
import type { RequestHandler } from 'express';
import mongoose from 'mongoose';
import { databaseUnavailable } from './errors';

const CONNECTED = 1;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const requireDatabase: RequestHandler = (req, _res, next) => {
  if (mongoose.connection.readyState === CONNECTED || READS.has(req.method)) return next();
  next(databaseUnavailable());
};
