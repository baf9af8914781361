/**
 * A copy of a stored record that no change to it can reach back into: plain objects, arrays and
 * dates are copied; BSON values (ObjectId, Decimal128, Binary) are immutable and kept as they are,
 * which `structuredClone` would turn into plain objects.
 */
export function cloneRecord<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(cloneRecord) as T;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) copy[k] = cloneRecord(v);
  return copy as T;
}
