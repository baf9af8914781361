import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import mongoose, { type Model, type Schema } from 'mongoose';
import { documentRecord, plainBuildFits, plainRecord } from '../../server/common/plain-record';

const serverDir = path.resolve(__dirname, '../../server');

/** Every model the exchange declares. */
function loadModels(): Model<unknown>[] {
  for (const dir of fs.readdirSync(serverDir)) {
    const full = path.join(serverDir, dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const file of fs.readdirSync(full).filter((f) => f.endsWith('.model.ts')))
      require(path.join(full, file));
  }
  return mongoose.modelNames().map((name) => mongoose.model(name) as Model<unknown>);
}

const AT = new Date('2026-12-07T08:00:00Z');

/** A value for each path of the schema, as a caller would pass it (ids as strings). */
function sampleFields(schema: Schema, depth = 0, onlyRequired = false): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [p, type] of Object.entries(schema.paths)) {
    if (p === '_id' || p === '__v') continue;
    if (onlyRequired && !(type as unknown as { isRequired?: boolean }).isRequired) continue;
    const value = sampleValue(type as unknown as SchemaTypeLike, depth);
    if (value === undefined) continue;
    const pieces = p.split('.');
    let cur = fields;
    for (const piece of pieces.slice(0, -1)) cur = (cur[piece] ??= {}) as Record<string, unknown>;
    cur[pieces[pieces.length - 1]] = value;
  }
  return fields;
}

interface SchemaTypeLike {
  instance: string;
  schema?: Schema;
  enumValues?: string[];
  caster?: SchemaTypeLike;
  embeddedSchemaType?: SchemaTypeLike;
  options?: { enum?: unknown; validate?: unknown; min?: number };
  $isSingleNested?: boolean;
  $isMongooseDocumentArray?: boolean;
}

function sampleValue(type: SchemaTypeLike, depth: number): unknown {
  if (depth > 3) return undefined;
  if (type.$isMongooseDocumentArray && type.schema) return [sampleFields(type.schema, depth + 1)];
  if (type.$isSingleNested && type.schema) return sampleFields(type.schema, depth + 1);
  switch (type.instance) {
    case 'String':
      return type.enumValues?.length ? type.enumValues[0] : 'mẫu';
    case 'Number':
      return 7;
    case 'Boolean':
      return true;
    case 'Date':
      return AT.toISOString();
    case 'ObjectId':
    case 'ObjectID':
      return '6b1650850cce2e32d3e30970';
    case 'Mixed':
      return { note: 'x', nested: { n: 1 } };
    case 'Array': {
      const inner = type.embeddedSchemaType ?? type.caster;
      const one = inner ? sampleValue(inner, depth + 1) : 'x';
      return one === undefined ? [] : [one];
    }
    case 'Buffer':
      return Buffer.from('ab');
    case 'Map':
      return { a: 'x' };
    default:
      return undefined;
  }
}

/** ObjectIds generated on the way (subdocuments' ids) and the clock's stamps made comparable. */
function comparable(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => comparable(v));
  if (value instanceof mongoose.Types.ObjectId) return key === '_id' ? 'generated id' : String(value);
  if (value instanceof Date)
    return key === 'createdAt' || key === 'updatedAt' || Math.abs(value.getTime() - Date.now()) < 60_000
      ? 'now'
      : value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v, k)]));
  return value;
}

async function outcome(build: () => Promise<Record<string, unknown>>) {
  try {
    return { record: comparable(await build()) };
  } catch (err) {
    const e = err as { name?: string; errors?: Record<string, unknown> };
    // A path inside an array is named with or without the element's index.
    return { error: e.name, paths: Object.keys(e.errors ?? {}).map((p) => p.replace(/\.\d+(?=\.|$)/g, '')) };
  }
}

describe('records built without a mongoose document', () => {
  const models = loadModels();

  it('finds the models', () => {
    assert.ok(models.length >= 40, `${models.length} models`);
  });

  for (const fieldsOf of [
    { name: 'every path given', make: (m: Model<unknown>) => sampleFields(m.schema) },
    {
      name: 'only what is required given: defaults for the rest',
      make: (m: Model<unknown>) => sampleFields(m.schema, 0, true),
    },
    {
      name: 'null for every path not required',
      make: (m: Model<unknown>) => ({
        ...Object.fromEntries(
          Object.keys(m.schema.paths)
            .filter((p) => !p.includes('.') && p !== '_id')
            .map((p) => [p, null]),
        ),
        ...sampleFields(m.schema, 0, true),
      }),
    },
    { name: 'nothing given', make: () => ({}) },
    {
      name: 'a wrong type',
      make: (m: Model<unknown>) => ({ ...sampleFields(m.schema), createdAt: 'not a date' }),
    },
  ]) {
    it(`store what a document would, or refuse as it would (${fieldsOf.name})`, async () => {
      let plainModels = 0;
      for (const model of models) {
        if (!plainBuildFits(model.schema)) continue;
        plainModels++;
        const fields = fieldsOf.make(model);
        const viaDocument = await outcome(() => documentRecord(model, structuredClone(fields)));
        const viaPlain = await outcome(() => plainRecord(model, structuredClone(fields)));
        const about = `${model.modelName}: ${JSON.stringify(fields)}`;
        if ('record' in viaDocument) {
          assert.deepEqual(viaPlain, viaDocument, about);
          continue;
        }
        // Refused both ways, naming at least the fields the document names (it stops at a cast error).
        assert.equal(viaPlain.error, viaDocument.error, about);
        for (const field of viaDocument.paths ?? [])
          assert.ok(viaPlain.paths?.includes(field), `${about}: ${field}`);
      }
      assert.ok(plainModels >= 30, `${plainModels} models built the plain way`);
    });
  }

  it('leaves the caller’s fields as they were and shares none of their objects with the record', async () => {
    const model = models.find((m) => m.modelName === 'Deal');
    assert.ok(model && plainBuildFits(model.schema));
    const { royaltyReports: _unused, ...fields } = sampleFields(model.schema);
    const before = structuredClone(fields);
    const record = await plainRecord(model, fields);
    assert.deepEqual(fields, before, 'no default was put into the caller’s objects');
    (fields.timeline as { data: { note: string } }[])[0].data.note = 'changed by the caller';
    assert.equal((record.timeline as { data: { note: string } }[])[0].data.note, 'x');
  });

  it('leaves a schema with a setter to a document', () => {
    const withSetter = models.find((m) => m.modelName === 'User');
    assert.ok(withSetter);
    assert.equal(plainBuildFits(withSetter.schema), false);
  });
});
