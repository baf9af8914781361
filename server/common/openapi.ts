/** Builds the OpenAPI 3 document from the declared routes and their joi schemas. */
import joiToSwagger from 'joi-to-swagger';
import type Joi from 'joi';
import type { RouteDef } from './api-router';

const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              field: { type: 'string' },
              message: { type: 'string' },
              type: { type: 'string' },
              value: { type: 'string' },
              limit: { oneOf: [{ type: 'number' }, { type: 'string' }] },
            },
          },
        },
      },
      required: ['code', 'message', 'details'],
    },
  },
};

function toSchema(schema: Joi.Schema, components: Record<string, unknown>) {
  const { swagger, components: more } = joiToSwagger(schema, components);
  Object.assign(components, more?.schemas ?? {});
  return swagger;
}

function parametersOf(
  schema: Joi.ObjectSchema | undefined,
  where: 'path' | 'query',
  components: Record<string, unknown>,
) {
  if (!schema) return [];
  const swagger = toSchema(schema, components) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(swagger.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (swagger.required ?? []).includes(name),
    schema: s,
  }));
}

export function buildOpenApi(
  routes: RouteDef[],
  info: { title: string; version: string },
  sessionCookie: string,
) {
  const components: Record<string, unknown> = { Error: ERROR_SCHEMA };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = '/api' + r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const successStatus = String(r.status ?? 200);
    const operation: Record<string, unknown> = {
      tags: [r.tag],
      summary: r.summary,
      description: `Access: ${Array.isArray(r.access) ? r.access.join(' or ') : r.access}`,
      parameters: [
        ...parametersOf(r.params, 'path', components),
        ...parametersOf(r.query, 'query', components),
      ],
      responses: {
        [successStatus]: {
          description: successStatus === '204' ? 'No content' : 'Success',
          ...(r.response || r.answers
            ? {
                content: {
                  // A route may answer JSON or, when asked, a file (an agenda as iCalendar, a report as CSV).
                  ...(r.response ? { 'application/json': { schema: toSchema(r.response, components) } } : {}),
                  ...(r.answers ? { [r.answers]: { schema: { type: 'string', format: 'binary' } } } : {}),
                },
              }
            : {}),
        },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
    if (r.body) {
      operation.requestBody = {
        required: true,
        content: { [r.contentType ?? 'application/json']: { schema: toSchema(r.body, components) } },
      };
    }
    if (r.access !== 'public') operation.security = [{ session: [] }];
    // Open to partner API keys of this scope too (`Authorization: Bearer <key>`), besides anyone
    // (or besides partner exchanges' signed requests alone).
    else if (r.apiKeyScope || r.partnerSignature) {
      operation.security = [
        r.partnerSignature ? { partnerSignature: [] } : {},
        ...(r.apiKeyScope ? [{ apiKey: [] }] : []),
      ];
      if (r.apiKeyScope) operation['x-api-key-scope'] = r.apiKeyScope;
    }
    (paths[path] ??= {})[r.method] = operation;
  }
  return {
    openapi: '3.0.3',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A partner API key an operator issued (`POST /api/admin/api-keys`): scoped (listings, search, federation), rate-limited per key',
        },
        partnerSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Federation-Signature',
          description:
            'A request signed by a registered partner exchange: Ed25519 (base64) over `federation-request-v1`, the method, the path and query from `/api` on, `X-Federation-Timestamp` (ISO 8601, within 5 minutes) and `X-Federation-Nonce` (16–64 base64url characters, used once), one a line; the key named by `X-Federation-Key-Id`',
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;
