import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { idParams } from '../common/ids';
import {
  listOrganizations,
  organizationListQuery,
  organizationListResponse,
  organizationResponse,
  organizationReviewResponse,
  refusalResponse,
  refuseBody,
  suspendBody,
  verifyOrganization,
} from '../organizations';
import { organizationForReview, refuseAndNotify } from './organization-review.service';
import { userResponse, userItemResponse, reinstateUser, suspendUser, setRole } from '../auth';
import { USER_ROLES, type UserRole } from '../api-contract/enums';

const suspendedUserResponse = Joi.object({
  user: userItemResponse.keys({ suspended: Joi.boolean().required() }).required(),
});

export interface RoleBody {
  role: UserRole;
}

export function registerAdminOrganizationRoutes(api: ApiRouter, ctx: AppContext): void {
  const { bus } = ctx;
  const tag = 'admin';
  api.add({
    method: 'get',
    path: '/admin/organizations',
    tag,
    summary: 'Organizations, filtered by verification state',
    access: ['admin'],
    query: organizationListQuery,
    response: organizationListResponse,
    handler: ({ query }) => listOrganizations(query, 'operator'),
  });
  api.add({
    method: 'get',
    path: '/admin/organizations/:id',
    tag,
    summary:
      'An organization as an operator judges it: profile, members (and who registered it), refusals and who verified it',
    access: ['admin'],
    params: idParams,
    response: organizationReviewResponse,
    handler: ({ params }) => organizationForReview(params.id),
  });
  api.add({
    method: 'post',
    path: '/admin/organizations/:id/refuse',
    tag,
    summary:
      'Refuse to verify an organization, with a reason its members are told; it may be refused again once it edits its profile (409 when verified or already refused)',
    access: ['admin'],
    params: idParams,
    body: refuseBody,
    response: refusalResponse,
    handler: ({ user, params, body }) => refuseAndNotify(ctx, user, params.id, body.reason),
  });
  api.add({
    method: 'post',
    path: '/admin/organizations/:id/verify',
    tag,
    summary: 'Mark an organization verified: it may then publish, bid and pay',
    access: ['admin'],
    params: idParams,
    response: organizationResponse,
    handler: async ({ user, params }) => ({ organization: await verifyOrganization(user, params.id) }),
  });
  api.add({
    method: 'post',
    path: '/admin/users/:id/role',
    tag,
    summary: 'Give a user the member, broker or operator role',
    access: ['admin'],
    params: idParams,
    body: Joi.object<RoleBody>({
      role: Joi.string()
        .valid(...USER_ROLES)
        .required(),
    }),
    response: userResponse,
    handler: async ({ user, params, body }) => {
      const changed = await setRole(user, params.id, body.role);
      // Their open sockets still carry the old role (an operator's view of both sides' notes).
      bus.publish('user.sessions_ended', { userId: params.id, reason: 'role_changed' });
      return { user: changed };
    },
  });
  api.add({
    method: 'post',
    path: '/admin/users/:id/suspend',
    tag,
    summary: 'Suspend a user: they cannot sign in, their sessions and sockets end',
    access: ['admin'],
    params: idParams,
    body: suspendBody,
    response: suspendedUserResponse,
    handler: async ({ user, params, body }) => {
      const suspended = await suspendUser(user, params.id, body.reason);
      bus.publish('user.sessions_ended', { userId: params.id, reason: 'suspended' });
      return { user: suspended };
    },
  });
  api.add({
    method: 'post',
    path: '/admin/users/:id/reinstate',
    tag,
    summary: 'Lift a suspension: the user may sign in again',
    access: ['admin'],
    params: idParams,
    response: suspendedUserResponse,
    handler: async ({ user, params }) => ({ user: await reinstateUser(user, params.id) }),
  });
}
