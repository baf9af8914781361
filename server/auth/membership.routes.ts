import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { idParams } from '../common/ids';
import { memberListQuery, memberListResponse, memberParams, memberResponse } from './membership.schemas';
import { approveMember, listMembers, removeMember } from './membership.service';

/** An organization's members (tagged with the organization routes, registered right after them). */
export function registerMembershipRoutes(api: ApiRouter, ctx: AppContext): void {
  const { bus } = ctx;
  const tag = 'organizations';
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
