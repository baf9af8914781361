import Joi from 'joi';

/** The keys a page of a list answers with beside its items (`page`/`limit` paging). */
export const pageAnswerKeys = {
  total: Joi.number().integer().min(0).required(),
  page: Joi.number().integer().min(1).required(),
  limit: Joi.number().integer().min(1).required(),
};
