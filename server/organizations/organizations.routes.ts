import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import {
  memberParams,
  organizationListQuery,
  organizationPatchSchema,
  organizationResponse,
} from './organization.schemas';
import {
  approveMember,
  getOrganization,
  listMembers,
  listOrganizations,
  updateOrganization,
} from './organization.service';

export function registerOrganizationRoutes(api: ApiRouter): void {
  const tag = 'organizations';
  api.add({
    method: 'get',
    path: '/organizations',
    tag,
    summary: 'Directory of organizations and their technology capability',
    access: 'public',
    query: organizationListQuery,
    handler: ({ query }) => listOrganizations(query),
  });
  api.add({
    method: 'get',
    path: '/organizations/:id',
    tag,
    summary: 'An organization’s public profile',
    access: 'public',
    params: idParams,
    response: organizationResponse,
    handler: async ({ params }) => ({ organization: await getOrganization(params.id) }),
  });
  api.add({
    method: 'patch',
    path: '/organizations/:id',
    tag,
    summary: 'Edit your organization’s profile and capability',
    access: 'user',
    params: idParams,
    body: organizationPatchSchema,
    response: organizationResponse,
    handler: async ({ user, params, body }) => ({
      organization: await updateOrganization(user, params.id, body),
    }),
  });
  api.add({
    method: 'get',
    path: '/organizations/:id/members',
    tag,
    summary: 'Members of your organization, with pending requests to join',
    access: 'user',
    params: idParams,
    handler: async ({ user, params }) => ({ members: await listMembers(user, params.id) }),
  });
  api.add({
    method: 'post',
    path: '/organizations/:id/members/:userId/approve',
    tag,
    summary: 'Approve a request to join your organization',
    access: 'user',
    params: memberParams,
    handler: async ({ user, params }) => ({ member: await approveMember(user, params.id, params.userId) }),
  });
}
