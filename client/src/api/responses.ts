/** Names for the generated API types (schema.d.ts): the JSON body a route answers with. */
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type SuccessBody<Op> = Op extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

/** The success body of `method path`, e.g. `ApiResponse<'/api/deals/{id}', 'get'>`. */
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> = SuccessBody<paths[P][M]>;

/** The JSON body `method path` takes, e.g. `ApiRequestBody<'/api/deals/{id}/terms', 'post'>`. */
export type ApiRequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
