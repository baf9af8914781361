/**
 * Routes are declared once, as data: the same joi schemas validate requests and describe the
 * API in the OpenAPI document, so the two cannot drift. A handler receives cleaned values and
 * the caller; it returns the response body.
 */
import express, { type Request, type Response, type RequestHandler } from 'express';
import Joi from 'joi';
import { AppError, detailsFromJoi } from './errors';
import { checkAccess, type Access } from './access';
import { checkApiKeyScope, type ApiKeyScope } from './api-key-access';
import type { SessionUser } from './session-user';
import { ResponseCache, SerializedJson, viewerKey, type CachedAnswerOptions } from './response-cache';
import { LRUCache } from 'lru-cache';
import { cloneRecord } from './clone-record';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface HandlerContext<P = any, Q = any, B = any> {
  params: P;
  query: Q;
  body: B;
  /** The signed-in user; set on every route whose access is not 'public'. */
  user: SessionUser;
  /** The signed-in user on a public route, if any. */
  maybeUser?: SessionUser;
  req: Request;
  res: Response;
}

export interface RouteDef<P = any, Q = any, B = any> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** Typed handlers come from typed schemas: `Joi.object<{ id: string }>(…)` gives `params.id` its type. */
  params?: Joi.ObjectSchema<P>;
  query?: Joi.ObjectSchema<Q>;
  body?: Joi.Schema<B>;
  /** Success status; 204 sends no body. */
  status?: number;
  /** The success body's schema: documents it, and with CHECK_RESPONSES every answer is checked. */
  response?: Joi.Schema;
  /** The success body's media type when it is not JSON (the handler sends it itself). */
  answers?: string;
  /**
   * The partner API key scope that opens this route to `Authorization: Bearer <key>` requests;
   * without one, a key-authenticated request is refused (403).
   */
  apiKeyScope?: ApiKeyScope;
  /**
   * For the docs: the route answers partner exchanges' signed requests (`X-Federation-*` headers,
   * checked by the route itself) instead of anyone.
   */
  partnerSignature?: boolean;
  /** Extra middleware run after access checks and before validation (uploads, raw bodies). */
  before?: RequestHandler[];
  /** For the docs only: a body that is not JSON. */
  contentType?: string;
  /**
   * Keep answers serialized per viewer and request until a record of the given types is written
   * (response-cache.ts); only for reads whose answer is made of those records alone.
   */
  cacheAnswers?: CachedAnswerOptions;
  handler: (ctx: HandlerContext<P, Q, B>) => unknown | Promise<unknown>;
}

/**
 * A handler's params, query and body take their types from the route's schemas: a schema whose
 * value type is `any` (a bare `Joi.object({…})`) is refused at compile time; it names its type,
 * `Joi.object<T>({…})`.
 */
type NamedType<T, Part extends string> = 0 extends 1 & T
  ? { [K in `the ${Part} schema names no type: declare it as Joi.object<T>(…)`]: never }
  : unknown;

const VALIDATE_OPTIONS: Joi.ValidationOptions = { abortEarly: false, stripUnknown: true, convert: true };

/** An answer that its route's declared response schema does not describe. */
export interface ResponseMismatch {
  route: string;
  status: number;
  problems: string[];
}

/**
 * The problems of `body` against `schema`, checked as the client receives it (after JSON), with
 * no unknown keys allowed unless the schema allows them; empty when it matches.
 */
export function responseProblems(schema: Joi.Schema, body: unknown): string[] {
  const sent: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  const { error } = schema.validate(sent, { abortEarly: false, convert: true });
  return error ? error.details.map((d) => `${d.path.join('.') || '(body)'}: ${d.message}`) : [];
}

/**
 * The validated params and query of a route's URLs, by URL (a few hundred at most). Each is
 * answered as a copy, so a handler that changes what it was given changes nothing kept.
 */
class ValidatedUrls {
  private readonly byUrl = new LRUCache<string, { params: unknown; query: unknown }>({ max: 500 });

  get(url: string): { params: unknown; query: unknown } | undefined {
    const kept = this.byUrl.get(url);
    return kept && cloneRecord(kept);
  }

  set(url: string, inputs: { params: unknown; query: unknown }): void {
    this.byUrl.set(url, cloneRecord(inputs));
  }
}

function validatePart(
  schema: Joi.Schema | undefined,
  value: unknown,
  part: string,
  errors: Joi.ValidationError[],
) {
  if (!schema) return {};
  const result = schema.validate(value ?? {}, VALIDATE_OPTIONS);
  if (result.error) {
    result.error.details.forEach((d) => (d.path = [part, ...d.path]));
    errors.push(result.error);
  }
  return result.value;
}

export class ApiRouter {
  /**
   * The routes by the first segment of their path (`offers`, `deals`, `admin` …), each group its
   * own express router: a request is matched against the few routes of its group instead of
   * walking all of them in turn (every path starts with a fixed segment).
   */
  private readonly groups = new Map<string, express.Router>();
  readonly router = express.Router().use((req, res, next) => {
    const group = this.groups.get(firstSegment(req.path));
    if (!group) return next();
    group(req, res, next);
  });
  readonly routes: RouteDef[] = [];

  /**
   * With `onResponseMismatch` (tests, CHECK_RESPONSES), each answer is checked against its
   * route's response schema; one that does not match is reported and answered with a 500.
   */
  constructor(private readonly opts: { onResponseMismatch?: (m: ResponseMismatch) => void } = {}) {}

  add<P = unknown, Q = unknown, B = unknown>(
    def: RouteDef<P, Q, B> & NamedType<P, 'params'> & NamedType<Q, 'query'> & NamedType<B, 'body'>,
  ): void {
    this.routes.push(def as RouteDef);
    const answers = def.cacheAnswers && new ResponseCache(`${def.method} ${def.path}`, def.cacheAnswers);
    // A cached page is asked again and again with the same URL: its parameters are validated once.
    const validatedUrls = answers && def.method === 'get' ? new ValidatedUrls() : undefined;
    const handlers: RequestHandler[] = [
      (req, _res, next) => {
        checkApiKeyScope(req, def.apiKeyScope);
        checkAccess(req, def.access);
        next();
      },
      ...(def.before ?? []),
      async (req, res) => {
        rejectOperatorKeys(req);
        const errors: Joi.ValidationError[] = [];
        const known = validatedUrls?.get(req.originalUrl);
        const params = known ? known.params : validatePart(def.params, req.params, 'params', errors);
        const query = known ? known.query : validatePart(def.query, req.query, 'query', errors);
        const body = validatePart(def.body, req.body, 'body', errors);
        if (errors.length) {
          throw AppError.validation(errors.flatMap((e) => detailsFromJoi(e)).map(stripPartPrefix));
        }
        if (!known) validatedUrls?.set(req.originalUrl, { params, query });
        const maybeUser = req.user as SessionUser | undefined;
        const run = () =>
          def.handler({
            params,
            query,
            body,
            user: maybeUser as SessionUser,
            maybeUser,
            req,
            res,
          } as HandlerContext<P, Q, B>);
        const result =
          answers && (def.cacheAnswers?.when?.({ params, query }) ?? true)
            ? await answers.answer(viewerKey(maybeUser, params, query), run)
            : await run();
        if (res.headersSent) return;
        const status = def.status ?? 200;
        if (result instanceof SerializedJson) {
          if (this.opts.onResponseMismatch) this.checkResponse(def, status, JSON.parse(result.body));
          // Express hashes every body it sends for its ETag: a cached answer's is hashed once.
          const etagOf = req.app.get('etag fn') as ((body: string, encoding: string) => string) | undefined;
          if (etagOf)
            res.setHeader(
              'ETag',
              result.etagBy((body) => etagOf(body, 'utf8')),
            );
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.status(status).send(result.bytes());
          return;
        }
        if (status !== 204) this.checkResponse(def, status, result);
        if (status === 204) res.status(204).end();
        else res.status(status).json(result);
      },
    ];
    const segment = firstSegment(def.path);
    if (segment.startsWith(':')) throw new Error(`${def.path}: a route's path begins with a fixed segment`);
    let group = this.groups.get(segment);
    if (!group) this.groups.set(segment, (group = express.Router()));
    group[def.method](def.path, ...handlers);
  }

  private checkResponse(def: RouteDef, status: number, body: unknown): void {
    const report = this.opts.onResponseMismatch;
    if (!report || !def.response) return;
    const problems = responseProblems(def.response, body);
    if (!problems.length) return;
    const mismatch = { route: `${def.method.toUpperCase()} ${def.path}`, status, problems };
    report(mismatch);
    throw new Error(`The answer of ${mismatch.route} does not match its schema: ${problems.join('; ')}`);
  }
}

/** Lower-cased, as express matches paths without regard to case. */
function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return (end === -1 ? path.slice(1) : path.slice(1, end)).toLowerCase();
}

/** Field names in error details are those the client sent: `email`, not `body.email`. */
function stripPartPrefix(d: { field: string; message: string; type?: string }) {
  const field = d.field.replace(/^(body|query|params)\.?/, '') || d.field;
  return { ...d, field };
}

/**
 * Query keys like `verified[$ne]` and body keys like `{"$gt": ""}` are attempts at NoSQL
 * injection: refuse them by name rather than silently dropping them.
 */
function rejectOperatorKeys(req: Request): void {
  const bad: { field: string; message: string }[] = [];
  for (const key of Object.keys((req.query as Record<string, unknown>) ?? {})) {
    if (/[$[\]]/.test(key)) bad.push({ field: key, message: `${key} is not an accepted parameter` });
  }
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth > 20 || value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (k.startsWith('$')) bad.push({ field: path || k, message: `${p} is not an accepted value` });
      else walk(v, p, depth + 1);
    }
  };
  if (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) walk(req.body, '', 0);
  if (bad.length) throw AppError.validation(bad);
}
