import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { publishedDemand } from '../api/deals-helpers';
import { DemandModel } from '../../server/demands/demand.model';
import { NotificationModel } from '../../server/notifications/notification.model';

/** Cases schemathesis once answered with 500: odd ids, bodies and content types. */
describe('security: odd inputs never answer 500', () => {
  let t: TestApp;
  let member: Member;
  let admin: Member;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    [member, admin] = await Promise.all([signUp(t.app), signInAdmin(t.app)]);
  });

  const ids = [
    'x',
    '0',
    '%20',
    'ffffffffffffffffffffffff',
    '0123456789abcdef0123456z',
    '🙂',
    'a'.repeat(300),
  ];
  const bodies: [string, string | undefined][] = [
    ['application/json', undefined],
    ['application/json', '[]'],
    ['application/json', '"text"'],
    ['application/json', 'null'],
    ['application/json', '{"reason": {"$gt": ""}}'],
    ['application/json', '{"reason": ""}'],
    ['application/json', `{"reason": "${'x'.repeat(5000)}"}`],
    ['multipart/form-data', '--x--'],
    ['application/x-www-form-urlencoded', 'reason=a'],
  ];

  async function expectNo5xx(who: Member, path: string) {
    for (const id of ids) {
      for (const [type, body] of bodies) {
        const req = who.agent.post(path.replace(':id', encodeURIComponent(id))).set('Content-Type', type);
        const res = await (body === undefined ? req : req.send(body));
        assert.ok(
          res.status < 500,
          `${path} id=${id} ${type} ${body}: ${res.status} ${JSON.stringify(res.body)}`,
        );
        assert.equal(typeof res.body.error?.code, 'string', `${res.status} without the contract body`);
      }
    }
  }

  it('when a notification id or body is odd, then mark-read answers 4xx in the contract body and marks nothing', async () => {
    await NotificationModel.create({ userId: member.user.id, type: 'test', title: { vi: 'a', en: 'a' } });
    await expectNo5xx(member, '/api/notifications/:id/read');
    assert.equal(await NotificationModel.countDocuments({ readAt: null }), 1);
  });

  it('when an operator rejects a demand with an odd id or body, then 4xx in the contract body and the demand is unchanged', async () => {
    const demandId = await publishedDemand(member);
    await expectNo5xx(admin, '/api/admin/demands/:id/reject');
    await expectNo5xx(member, '/api/admin/demands/:id/reject');
    assert.equal((await DemandModel.findById(demandId).lean())!.status, 'published');
  });
});
