/**
 * Client-side checks that mirror the server's joi rules, so people see mistakes before sending.
 * Each problem is an i18n key under `validation.` with its parameters; the server stays the judge.
 */
export interface Issue {
  key: string;
  params?: Record<string, string | number>;
}

export type Issues = Record<string, Issue>;

export function checkText(
  issues: Issues,
  name: string,
  value: string,
  rules: { required?: boolean; min?: number; max?: number },
): void {
  const text = value.trim();
  if (!text) {
    if (rules.required) issues[name] = { key: 'required' };
    return;
  }
  if (rules.min !== undefined && text.length < rules.min)
    issues[name] = { key: 'minLength', params: { min: rules.min } };
  else if (rules.max !== undefined && text.length > rules.max)
    issues[name] = { key: 'maxLength', params: { max: rules.max } };
}

export function checkChoice(issues: Issues, name: string, value: string, allowed: readonly string[]): void {
  if (!value) issues[name] = { key: 'required' };
  else if (!allowed.includes(value)) issues[name] = { key: 'invalidChoice' };
}

export function checkIntegerRange(
  issues: Issues,
  name: string,
  value: string,
  min: number,
  max: number,
): void {
  if (!value.trim()) {
    issues[name] = { key: 'required' };
    return;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    issues[name] = { key: 'integerRange', params: { min, max } };
}

export function checkMaxItems(issues: Issues, name: string, values: unknown[], max: number): void {
  if (values.length > max) issues[name] = { key: 'maxItems', params: { max } };
}

export function checkFuture(issues: Issues, name: string, iso: string | undefined, now = new Date()): void {
  if (!iso) issues[name] = { key: 'required' };
  else if (new Date(iso).getTime() <= now.getTime()) issues[name] = { key: 'inFuture' };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function checkEmail(issues: Issues, name: string, value: string): void {
  if (!value.trim()) issues[name] = { key: 'required' };
  else if (!EMAIL.test(value.trim())) issues[name] = { key: 'email' };
}
