/**
 * A new record as mongoose would store it (cast, defaulted, validated, time-stamped, versioned),
 * built without a mongoose document: `new Model(fields)`, `validate()` and `toObject()` cost
 * 80–140 µs a record, the plain way 45–75 µs, and every bid, message and notification is one.
 *
 * The plain way is taken only for schemas where it stores the same record: one with a setter
 * (`trim`, `lowercase`, `set`) or an async validator goes through a document, and so does a
 * record the plain way would refuse, for mongoose's own error (test/unit/plain-record.test.ts
 * builds every model both ways).
 */
import mongoose, { type Model, type Schema } from 'mongoose';
import { internalToObjectOptions } from 'mongoose/lib/options';
import { cloneRecord } from './clone-record';

type Fields = Record<string, unknown>;

const fitsPlain = new WeakMap<Schema, boolean>();

/** mongoose's own setters that change nothing in a new record: `_id`'s and the immutable `createdAt`'s. */
const NEUTRAL_SETTERS = new Set(['resetId', 'immutableSetter']);

/** Whether the plain way stores what a document would for this schema (no setter or async validator anywhere). */
export function plainBuildFits(schema: Schema): boolean {
  let fits = fitsPlain.get(schema);
  if (fits === undefined) {
    fits = Object.values(schema.paths).every((type) => {
      const t = type as unknown as {
        setters?: { name?: string }[];
        validators?: { validator?: unknown }[];
        schema?: Schema;
      };
      if (t.setters?.some((set) => !NEUTRAL_SETTERS.has(set.name ?? ''))) return false;
      // Validators run synchronously here: an async one is left to a document.
      if (
        t.validators?.some(
          (v) => (v.validator as { constructor?: { name?: string } })?.constructor?.name === 'AsyncFunction',
        )
      )
        return false;
      return !t.schema || plainBuildFits(t.schema);
    });
    fitsPlain.set(schema, fits);
  }
  return fits;
}

/** The record `Model.create(fields)` would insert; throws the ValidationError it would. */
export async function buildRecord(model: Model<unknown>, fields: Fields): Promise<Fields> {
  const versionKey = model.schema.get('versionKey');
  const stored = plainBuildFits(model.schema)
    ? await plainRecord(model, fields)
    : await documentRecord(model, fields);
  if (typeof versionKey === 'string') stored[versionKey] = 0;
  return stored;
}

/** The record through a mongoose document (exported for the test that compares both ways). */
export async function documentRecord(model: Model<unknown>, fields: Fields): Promise<Fields> {
  const doc = new model(fields);
  await doc.validate();
  (doc as unknown as { initializeTimestamps?: () => void }).initializeTimestamps?.();
  return doc.toObject(internalToObjectOptions) as Fields;
}

/**
 * The record without a mongoose document (exported for the test that compares both ways). A
 * record it would refuse is built through a document instead, which throws mongoose's own error.
 */
export async function plainRecord(model: Model<unknown>, fields: Fields): Promise<Fields> {
  const statics = model as unknown as {
    castObject(obj: Fields): Fields;
    applyDefaults(obj: Fields): Fields;
    applyTimestamps(obj: Fields): Fields;
  };
  let record: Fields;
  try {
    // A copy: defaults go into nested records, and the record must not share the caller's objects.
    const given = statics.applyDefaults(cloneRecord(fields));
    record = statics.castObject(given);
    // The cast copy leaves out null values, which a document stores.
    restoreNulls(model.schema, given, record);
  } catch {
    return documentRecord(model, fields);
  }
  if (!passesValidators(model.schema, record)) return documentRecord(model, fields);
  return plainValues(statics.applyTimestamps(record), model.schema.get('minimize') !== false) as Fields;
}

interface ValidatedType {
  doValidateSync(value: unknown, scope: unknown, options: { path: string }): unknown;
  $isMongooseArray?: boolean;
  $isMongooseDocumentArray?: boolean;
  $isSingleNested?: boolean;
  schema?: Schema;
  embeddedSchemaType?: ValidatedType;
}

const ownValidators = mongoose.SchemaType.prototype as unknown as ValidatedType;

interface PathCheck {
  path: string;
  pieces: string[];
  type: ValidatedType;
  /** The validators of each element of an array of values. */
  element?: ValidatedType;
  /** A single nested record's own fields. */
  nested?: PathCheck[];
}

const checksOf = new WeakMap<Schema, PathCheck[]>();

/** The schema's paths to validate, worked out once per schema. */
function pathChecks(schema: Schema): PathCheck[] {
  let checks = checksOf.get(schema);
  if (!checks) {
    checks = Object.entries(schema.paths).map(([path, schemaType]) => {
      const type = schemaType as unknown as ValidatedType;
      const element =
        type.$isMongooseArray && !type.$isMongooseDocumentArray ? type.embeddedSchemaType : undefined;
      const nested = type.$isSingleNested && type.schema ? pathChecks(type.schema) : undefined;
      return { path, pieces: path.split('.'), type, element, nested };
    });
    checksOf.set(schema, checks);
  }
  return checks;
}

/** Every path's validators (and each element's, in an array of values) accept the record. */
function passesValidators(schema: Schema, record: Fields): boolean {
  for (const { path, pieces, type, element, nested } of pathChecks(schema)) {
    const value = valueAt(record, pieces);
    // A single nested record is a plain object here: its own validators, then its fields'.
    if (nested) {
      if (ownValidators.doValidateSync.call(type, value, record, { path })) return false;
      if (value && typeof value === 'object' && !passesValidators(type.schema!, value as Fields))
        return false;
      continue;
    }
    if (type.doValidateSync(value, record, { path })) return false;
    if (element && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++)
        if (element.doValidateSync(value[i], record, { path: `${path}.${i}` })) return false;
    }
  }
  return true;
}

/**
 * The value at a dotted path, null kept as null (as the document's own getter reads it for its
 * validators; mongoose's `helpers/get` answers undefined for null).
 */
function valueAt(record: Fields, pieces: string[]): unknown {
  let value: unknown = record;
  for (const piece of pieces) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Fields)[piece];
  }
  return value;
}

/**
 * mongoose's arrays and subdocuments as plain arrays and objects, empty nested objects dropped
 * (as `toObject` minimizes them), so the record is what the document's `toObject` gives.
 */
function plainValues(value: unknown, minimize: boolean): unknown {
  if (Array.isArray(value)) return Array.from(value, (v) => plainValues(v, minimize));
  if (!value || typeof value !== 'object') return value;
  if (value instanceof Date || value instanceof mongoose.Types.ObjectId || Buffer.isBuffer(value))
    return value;
  // `castObject` builds the elements of an array of subdocuments as mongoose documents.
  if ('$__' in value)
    return plainValues((value as unknown as mongoose.Document).toObject(internalToObjectOptions), minimize);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Fields = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    const plain = plainValues(inner, minimize);
    if (minimize && isEmptyObject(plain)) continue;
    out[key] = plain;
  }
  return out;
}

/** Puts back, in `cast`, each null that `given` holds for a path of the schema. */
function restoreNulls(schema: Schema, given: unknown, cast: unknown, prefix = ''): void {
  if (!isObject(given) || !isObject(cast)) return;
  for (const [key, value] of Object.entries(given)) {
    const path = prefix + key;
    const type = schema.path(path) as unknown as
      { schema?: Schema; $isMongooseDocumentArray?: boolean; $isSingleNested?: boolean } | undefined;
    if (value === null) {
      if (type && !(key in cast)) cast[key] = null;
    } else if (
      type?.$isMongooseDocumentArray &&
      type.schema &&
      Array.isArray(value) &&
      Array.isArray(cast[key])
    ) {
      const elements = cast[key] as unknown[];
      value.forEach((element, i) => restoreNulls(type.schema!, element, elements[i]));
    } else if (type?.$isSingleNested && type.schema) {
      restoreNulls(type.schema, value, cast[key]);
    } else if (!type && schema.pathType(path) === 'nested') {
      restoreNulls(schema, value, cast[key], `${path}.`);
    }
  }
}

function isObject(value: unknown): value is Fields {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function isEmptyObject(value: unknown): boolean {
  return (
    !!value &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).length === 0
  );
}
