/** The expert profile form's values, from the saved profile and back to what PUT /api/experts/me takes. */
import { FIELD_CODES, isSubFieldOf } from '@contract/taxonomy';
import { LOCALES, type Locale } from '@contract/enums';
import { checkMaxItems, checkText, type Issues } from '../../validation';
import {
  MAX_EXPERT_FIELDS,
  MAX_EXPERT_SUB_FIELDS,
  type ExpertAvailability,
  type ExpertField,
  type ExpertProfile,
  type ExpertProfileSave,
} from './expertsApi';

export interface ProfileValues {
  fields: ExpertField[];
  /** Sub-fields of the chosen fields. */
  subFields: string[];
  credentials: string;
  affiliation: string;
  languages: Locale[];
  bio: string;
  availability: ExpertAvailability;
  /** Organizations declared in conflict, by id. */
  conflicts: string[];
}

const isField = (code: string): code is ExpertField => FIELD_CODES.some((f) => f === code);
const isLocale = (code: string): code is Locale => LOCALES.some((l) => l === code);

export function profileValues(profile: ExpertProfile | null): ProfileValues {
  return {
    fields: (profile?.fields ?? []).filter(isField),
    subFields: profile?.subFields ?? [],
    credentials: profile?.credentials ?? '',
    affiliation: profile?.affiliation ?? '',
    languages: profile?.languages.filter(isLocale) ?? ['vi'],
    bio: profile?.bio ?? '',
    availability: profile?.availability ?? 'available',
    conflicts: profile?.conflicts ?? [],
  };
}

/** What the server would refuse, found before sending (its rules: server/experts/expert.routes.ts). */
export function profileIssues(v: ProfileValues): Issues {
  const issues: Issues = {};
  if (v.fields.length === 0) issues.fields = { key: 'atLeastOne' };
  checkMaxItems(issues, 'fields', v.fields, MAX_EXPERT_FIELDS);
  checkMaxItems(issues, 'subFields', chosenSubFields(v), MAX_EXPERT_SUB_FIELDS);
  if (v.languages.length === 0) issues.languages = { key: 'atLeastOne' };
  checkText(issues, 'credentials', v.credentials, { max: 2000 });
  checkText(issues, 'affiliation', v.affiliation, { max: 200 });
  checkText(issues, 'bio', v.bio, { max: 4000 });
  return issues;
}

/** The sub-fields ticked under fields still chosen (unticking a field drops its sub-fields). */
export function chosenSubFields(v: Pick<ProfileValues, 'fields' | 'subFields'>): string[] {
  return v.subFields.filter((s) => v.fields.some((f) => isSubFieldOf(f, s)));
}

export function profileBody(v: ProfileValues): ExpertProfileSave {
  return {
    fields: v.fields,
    subFields: chosenSubFields(v) as ExpertProfileSave['subFields'],
    credentials: v.credentials.trim(),
    affiliation: v.affiliation.trim(),
    languages: v.languages,
    bio: v.bio.trim(),
    availability: v.availability,
    conflicts: v.conflicts,
  };
}
