import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import type { EventBus } from '../common/events';
import { idParams } from '../common/ids';
import { organizationListQuery, organizationResponse } from '../organizations/organization.schemas';
import { listOrganizations, verifyOrganization } from '../organizations/organization.service';
import { setRole } from '../auth/auth.service';
import { USER_ROLES } from '../contract/enums';

export function registerAdminOrganizationRoutes(api: ApiRouter, bus: EventBus): void {
  const tag = 'admin';
  api.add({
    method: 'get',
    path: '/admin/organizations',
    tag,
    summary: 'Organizations, filtered by verification state',
    access: ['admin'],
    query: organizationListQuery,
    handler: ({ query }) => listOrganizations(query),
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
    body: Joi.object({
      role: Joi.string()
        .valid(...USER_ROLES)
        .required(),
    }),
    handler: async ({ user, params, body }) => {
      const changed = await setRole(user, params.id, body.role);
      // Their open sockets still carry the old role (an operator's view of both sides' notes).
      bus.publish('user.sessions_ended', { userId: params.id, reason: 'role_changed' });
      return { user: changed };
    },
  });
}
