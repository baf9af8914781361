/**
 * The audit store on the real database: entries recorded at once by concurrent requests are all
 * stored (inserted together), each as the model's schema reads it back; a bad entry fails alone.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { connectTestDatabase } from '../helpers/test-app';
import { AuditModel } from '../../server/audit/audit.model';
import { appendAuditEntry } from '../../server/audit/audit.store';

describe('audit store', () => {
  before(connectTestDatabase);
  beforeEach(() => AuditModel.deleteMany({}));

  it('stores every one of many entries recorded at once, as mongoose reads them', async () => {
    const actorId = new mongoose.Types.ObjectId().toString();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        appendAuditEntry({
          actorId,
          action: 'probe.step',
          targetType: 'probe',
          targetId: `p${i}`,
          data: { i, note: undefined, nested: { kept: 'x', gone: undefined }, at: new Date(0) },
        }),
      ),
    );
    const stored = await AuditModel.find({ action: 'probe.step' }).lean();
    assert.equal(stored.length, 40);
    assert.deepEqual(
      stored.map((e) => e.targetId).sort(),
      Array.from({ length: 40 }, (_, i) => `p${i}`).sort(),
    );
    const one = stored.find((e) => e.targetId === 'p7')!;
    assert.ok(one.actorId instanceof mongoose.Types.ObjectId);
    assert.equal(String(one.actorId), actorId);
    assert.deepEqual(one.data, { i: 7, nested: { kept: 'x' }, at: new Date(0) });
    assert.ok(one.createdAt instanceof Date && one.createdAt.getTime() >= started - 1000);
    const hydrated = await AuditModel.findById(one._id);
    await hydrated!.validate();
  });

  it('an entry without its target, or with an actor that is no id, is refused alone', async () => {
    const results = await Promise.allSettled([
      appendAuditEntry({ action: 'probe.bad', targetType: 'probe', targetId: '' }),
      appendAuditEntry({ actorId: 'not-an-id', action: 'probe.bad', targetType: 'probe', targetId: 'x' }),
      appendAuditEntry({ action: 'probe.good', targetType: 'probe', targetId: 'y' }),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(
      (await AuditModel.find({}).lean()).map((e) => e.action),
      ['probe.good'],
    );
  });
});
