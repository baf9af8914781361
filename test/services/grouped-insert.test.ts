/**
 * Records created at the same moment are inserted together (one command), each stored as
 * `Model.create` would store it, and each refusal is its caller's own: the others are written,
 * the refused one is not.
 */
import assert from 'node:assert/strict';
import mongoose, { Schema } from 'mongoose';
import { connectTestDatabase } from '../helpers/test-app';
import { watchWriteBatches } from '../helpers/command-watch';
import { groupedInsert } from '../../server/common/grouped-insert';
import { isDuplicateKeyError } from '../../server/common/duplicate-key';

const probeSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 20 },
    kind: { type: String, enum: ['a', 'b'], default: 'a' },
    key: { type: String },
    amount: { type: Number, min: 0 },
    owner: { type: Schema.Types.ObjectId },
    parts: [{ label: String, at: Date }],
    extra: Schema.Types.Mixed,
  },
  { timestamps: true, collection: 'grouped_insert_probes' },
);
probeSchema.index({ key: 1 }, { unique: true, sparse: true });
const Probe = mongoose.models.GroupedInsertProbe ?? mongoose.model('GroupedInsertProbe', probeSchema);

describe('grouped inserts', () => {
  before(async () => {
    await connectTestDatabase();
    await Probe.init();
  });
  beforeEach(() => Probe.deleteMany({}));

  it('when records are created at the same moment, then the first goes alone and the rest together, each answered with its record', async () => {
    const insert = groupedInsert(() => Probe);
    const watch = watchWriteBatches('insert', 'grouped_insert_probes');
    try {
      const records = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          insert<{ _id: unknown; name: string }>({ name: `n${i}`, amount: i }),
        ),
      );
      assert.deepEqual(
        records.map((r) => r.name),
        ['n0', 'n1', 'n2', 'n3', 'n4', 'n5'],
      );
      assert.deepEqual(watch.batches, [1, 5]);
    } finally {
      watch.stop();
    }
    const stored = await Probe.find().sort({ name: 1 }).lean();
    assert.deepEqual(
      stored.map((r) => r.name),
      ['n0', 'n1', 'n2', 'n3', 'n4', 'n5'],
    );
  });

  it('when a record is created, then it is stored and answered exactly as Model.create stores and answers it', async () => {
    const insert = groupedInsert(() => Probe);
    const owner = new mongoose.Types.ObjectId();
    const fields = () => ({
      name: 'same',
      owner: String(owner),
      amount: '12',
      parts: [{ label: 'p', at: '2026-12-06T00:00:00.000Z' }],
      extra: { nested: { x: 1 }, list: [1, 'two'] },
      ignored: 'not in the schema',
    });
    const created = (await Probe.create(fields())).toObject() as Record<string, any>;
    const grouped = await insert<Record<string, any>>(fields());
    const strip = (r: Record<string, any>) => {
      const { _id, createdAt, updatedAt, parts, ...rest } = r;
      assert.ok(_id instanceof mongoose.Types.ObjectId);
      assert.ok(createdAt instanceof Date && updatedAt instanceof Date);
      return {
        ...rest,
        parts: parts.map(({ _id: partId, ...p }: Record<string, any>) => (assert.ok(partId), p)),
      };
    };
    assert.deepEqual(strip(grouped), strip(created));
    const [a, b] = await Promise.all([
      Probe.findById(created._id).lean(),
      Probe.findById(grouped._id).lean(),
    ]);
    assert.deepEqual(strip(b as Record<string, any>), strip(a as Record<string, any>));
    assert.deepEqual(Object.keys(b as object).sort(), Object.keys(a as object).sort());
  });

  it('when one record of a group is invalid and another clashes on a unique key, then each of them is refused with its own error and the others are stored', async () => {
    await Probe.create({ name: 'first', key: 'taken' });
    const insert = groupedInsert(() => Probe);
    const outcomes = await Promise.allSettled([
      insert({ name: 'lead' }),
      insert({ name: 'ok-1' }),
      insert({ name: 'x'.repeat(30) }),
      insert({ name: 'clash', key: 'taken' }),
      insert({ name: 'ok-2', kind: 'b' }),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled'],
    );
    const invalid = (outcomes[2] as PromiseRejectedResult).reason as Error;
    assert.equal(invalid.name, 'ValidationError');
    assert.match(invalid.message, /name/);
    const clash = (outcomes[3] as PromiseRejectedResult).reason;
    assert.ok(isDuplicateKeyError(clash), String(clash));
    const stored = await Probe.find().sort({ name: 1 }).lean();
    assert.deepEqual(
      stored.map((r) => r.name),
      ['first', 'lead', 'ok-1', 'ok-2'],
    );
  });

  it('when every record of a group is refused, then each caller gets its error and nothing is written', async () => {
    await Probe.create({ name: 'first', key: 'taken' });
    const insert = groupedInsert(() => Probe);
    const outcomes = await Promise.allSettled([
      insert({ name: 'y'.repeat(30) }),
      insert({ name: 'z'.repeat(30) }),
      insert({ kind: 'c' }),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['rejected', 'rejected', 'rejected'],
    );
    for (const o of outcomes)
      assert.equal(((o as PromiseRejectedResult).reason as Error).name, 'ValidationError');
    assert.equal(await Probe.countDocuments(), 1);
  });
});
