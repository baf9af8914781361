/**
 * The one way the client talks to the server: JSON in and out, the session cookie sent along,
 * and the contract's error body turned into an ApiError that forms can read field by field.
 */

export interface ApiErrorDetail {
  field?: string;
  path?: string | (string | number)[];
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Messages keyed by the dotted field name (`organization.name`, `pricing.amount`, …). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const key = detailKey(d);
      if (key && !(key in out)) out[key] = d.message;
    }
    return out;
  }
}

function detailKey(d: ApiErrorDetail): string | undefined {
  if (d.field) return d.field;
  if (Array.isArray(d.path)) return d.path.map(String).join('.');
  return d.path || undefined;
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await readJson(response);
  if (response.ok) return payload as T;
  throw toApiError(response.status, payload);
}

/**
 * A multipart upload (`FormData`): the JSON helper does not fit, so this one sends the form
 * itself and maps the answer and its errors alike (a proxy's bare 413 included).
 */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  const payload: unknown = await readJson(response);
  if (response.ok) return payload as T;
  throw toApiError(response.status, payload);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  if (error && typeof error.code === 'string') {
    const details = Array.isArray(error.details) ? (error.details as ApiErrorDetail[]) : [];
    return new ApiError(status, error.code, String(error.message ?? error.code), details);
  }
  return new ApiError(status, fallbackCode(status), `Request failed with status ${status}`);
}

function fallbackCode(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 400) return 'validation_failed';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}
