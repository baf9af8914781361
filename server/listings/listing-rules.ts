/**
 * Rules a listing must satisfy that look at more than one field or at the clock (joi checks each
 * value on its own). Pure: they return the broken rules as error details naming the field.
 */
import type { ErrorDetail } from '../common/errors';
import { isSubFieldOf } from '../api-contract/taxonomy';

export function subFieldRule(field: string | undefined, subField: string | null | undefined): ErrorDetail[] {
  if (!subField || !field || isSubFieldOf(field, subField)) return [];
  return [{ field: 'subField', message: `subField ${subField} is not a sub-field of ${field}` }];
}

export function futureRule(path: string, date: Date | string | null | undefined, now: Date): ErrorDetail[] {
  if (!date || new Date(date).getTime() > now.getTime()) return [];
  return [{ field: path, message: `${path} must be in the future` }];
}

export function requiredRule(path: string, value: unknown): ErrorDetail[] {
  const missing =
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0);
  return missing
    ? [{ field: path, message: `${path} is required before the listing is submitted for review` }]
    : [];
}
