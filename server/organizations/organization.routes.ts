import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { idParams } from '../common/ids';
import {
  memberListQuery,
  memberListResponse,
  memberParams,
  memberResponse,
  organizationListQuery,
  organizationListResponse,
  organizationPatchSchema,
  organizationResponse,
} from './organization.schemas';
import {
  approveMember,
  getOrganization,
  listMembers,
  listOrganizations,
  removeMember,
  updateOrganization,
} from './organization.service';

export function registerOrganizationRoutes(api: ApiRouter, ctx: AppContext): void {
  const { bus } = ctx;
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
  api.add({
    method: 'get',
    path: '/organizations/:id/members',
    tag,
    summary: 'Members of your organization, with pending requests to join',
    access: 'user',
    params: idParams,
    query: memberListQuery,
    response: memberListResponse,
    handler: ({ user, params, query }) => listMembers(user, params.id, query),
  });
  api.add({
    method: 'post',
    path: '/organizations/:id/members/:userId/approve',
    tag,
    summary: 'Approve a request to join your organization',
    access: 'user',
    params: memberParams,
    response: memberResponse,
    handler: async ({ user, params }) => ({ member: await approveMember(user, params.id, params.userId) }),
  });
  api.add({
    method: 'delete',
    path: '/organizations/:id/members/:userId',
    tag,
    summary:
      'Remove a member or refuse a request to join (the organization’s administrators, operators), or leave it yourself',
    access: 'user',
    params: memberParams,
    status: 204,
    handler: async ({ user, params }) => {
      await removeMember(user, params.id, params.userId);
      bus.publish('user.sessions_ended', { userId: params.userId, reason: 'membership_changed' });
    },
  });
}
