/** Builds each test's data through the real API, the way a person would. */
import { clearRecordCaches } from '../../server/common/record-cache';
import request from 'supertest';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { randomUUID } from 'node:crypto';
import { UserModel } from '../../server/auth/user.model';
import { createUser } from '../../server/auth/user.store';
import { followRecordChanges } from '../../server/owner-list-sync';
import { OrganizationModel } from '../../server/organizations/organization.model';
import { hashPassword } from '../../server/auth/password';

export const PASSWORD = 'correct-horse-battery';

/** What supertest can drive: the app itself, a listening server, or a running exchange's URL. */
export type Target = Express | Server | string;

export interface Member {
  agent: ReturnType<typeof request.agent>;
  user: {
    id: string;
    email: string;
    name: string;
    role: string;
    organization: { id: string; name: string; kind: string; verified: boolean } | null;
  };
  orgId: string;
}

export async function signUp(
  app: Target,
  opts: {
    email?: string;
    kind?: 'institute' | 'university' | 'enterprise' | 'broker_firm';
    verified?: boolean;
    role?: 'member' | 'broker';
    name?: string;
    orgName?: string;
  } = {},
): Promise<Member> {
  const agent = request.agent(app);
  const email = opts.email ?? `user-${randomUUID().slice(0, 8)}@example.vn`;
  const res = await agent
    .post('/api/auth/register')
    .send({
      email,
      password: PASSWORD,
      name: opts.name ?? 'Nguyễn Văn An',
      organization: {
        name: opts.orgName ?? `Tổ chức ${email}`,
        kind: opts.kind ?? 'enterprise',
        province: 'ha_noi',
      },
    })
    .expect(201);
  const orgId = res.body.user.organization.id as string;
  if (opts.verified ?? true) await OrganizationModel.updateOne({ _id: orgId }, { $set: { verified: true } });
  if (opts.role && opts.role !== 'member')
    await UserModel.updateOne({ email }, { $set: { role: opts.role } });
  // Written past the stores, as an operator's tooling would: the process's caches must forget.
  clearRecordCaches();
  const me = await agent.get('/api/auth/me').expect(200);
  return { agent, user: me.body.user, orgId };
}

export async function signInAdmin(
  app: Target,
  email = `admin-${randomUUID().slice(0, 8)}@example.vn`,
): Promise<Member> {
  // Through the user store, as the exchange's own tooling would: sign-in finds them by email's
  // owner list, which this process keeps too (the exchange may run in other processes).
  followRecordChanges();
  await createUser({
    email,
    passwordHash: await hashPassword(PASSWORD),
    name: 'Operator',
    role: 'admin',
    membershipStatus: 'none',
  });
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  return { agent, user: res.body.user, orgId: '' };
}
