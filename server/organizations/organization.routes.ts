import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import {
  organizationListQuery,
  organizationListResponse,
  organizationPatchSchema,
  organizationResponse,
} from './organization.schemas';
import { getOrganization, listOrganizations, updateOrganization } from './organization.service';

export function registerOrganizationRoutes(api: ApiRouter): void {
  const tag = 'organizations';
  api.add({
    method: 'get',
    path: '/organizations',
    tag,
    summary:
      'Directory of verified organizations and their technology capability (no tax codes); q finds names by the start of a word; with joinable=true and q also those awaiting verification, to join one',
    access: 'public',
    query: organizationListQuery,
    response: organizationListResponse,
    handler: ({ query }) => listOrganizations(query, 'public'),
  });
  api.add({
    method: 'get',
    path: '/organizations/:id',
    tag,
    summary:
      'An organization’s profile: verified ones to anyone; its tax code and unverified ones to its members and operators',
    access: 'public',
    params: idParams,
    response: organizationResponse,
    handler: async ({ params, maybeUser }) => ({ organization: await getOrganization(params.id, maybeUser) }),
  });
  api.add({
    method: 'patch',
    path: '/organizations/:id',
    tag,
    summary: 'Edit your organization’s profile and capability; a new name or tax code needs verifying again',
    access: 'user',
    params: idParams,
    body: organizationPatchSchema,
    response: organizationResponse,
    handler: async ({ user, params, body }) => ({
      organization: await updateOrganization(user, params.id, body),
    }),
  });
}
