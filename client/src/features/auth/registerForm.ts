import { ORGANIZATION_KINDS, PROVINCE_CODES, type Locale, type OrganizationKind } from '@contract/enums';
import { checkChoice, checkEmail, checkText, type Issues } from '../../validation';
import type { RegisterRequest } from './authContext';

export const PASSWORD_MIN_LENGTH = 10; // as server/auth/auth.schemas.ts

export interface RegisterValues {
  name: string;
  email: string;
  password: string;
  locale: Locale;
  organizationMode: 'create' | 'join';
  organizationName: string;
  organizationKind: OrganizationKind | '';
  province: string;
  taxCode: string;
  organizationId: string;
}

export function emptyRegisterValues(locale: Locale): RegisterValues {
  return {
    name: '',
    email: '',
    password: '',
    locale,
    organizationMode: 'create',
    organizationName: '',
    organizationKind: '',
    province: '',
    taxCode: '',
    organizationId: '',
  };
}

/** Issues are keyed by the server's field names so both kinds of message land in the same place. */
export function validateRegister(v: RegisterValues): Issues {
  const issues: Issues = {};
  checkText(issues, 'name', v.name, { required: true, max: 200 });
  checkEmail(issues, 'email', v.email);
  checkText(issues, 'password', v.password, { required: true, min: PASSWORD_MIN_LENGTH, max: 200 });
  if (v.organizationMode === 'create') {
    checkText(issues, 'organization.name', v.organizationName, { required: true, min: 2, max: 200 });
    checkChoice(issues, 'organization.kind', v.organizationKind, ORGANIZATION_KINDS);
    if (v.province) checkChoice(issues, 'organization.province', v.province, PROVINCE_CODES);
    checkText(issues, 'organization.taxCode', v.taxCode, { max: 20 });
  } else {
    // Chosen from the directory's search, never typed.
    if (!v.organizationId) issues.organizationId = { key: 'chooseOrganization' };
  }
  return issues;
}

export function toRegisterRequest(v: RegisterValues): RegisterRequest {
  const base = { name: v.name.trim(), email: v.email.trim(), password: v.password, locale: v.locale };
  if (v.organizationMode === 'join') return { ...base, organizationId: v.organizationId.trim() };
  return {
    ...base,
    organization: {
      name: v.organizationName.trim(),
      kind: v.organizationKind as OrganizationKind,
      ...(v.province ? { province: v.province } : {}),
      ...(v.taxCode.trim() ? { taxCode: v.taxCode.trim() } : {}),
    },
  };
}
