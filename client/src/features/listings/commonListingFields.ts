import { FIELD_CODES, isSubFieldOf } from '@contract/taxonomy';
import { LISTING_LANGUAGES, PROVINCE_CODES, TRANSFER_MODES, type Locale } from '@contract/enums';
import { checkChoice, checkMaxItems, checkText, type Issues } from '../../validation';
import { KEYWORDS_MAX, SUMMARY_MAX, TITLE_MAX, TITLE_MIN } from './listingRules';

/** The form values offers and demands share. */
export interface CommonListingValues {
  title: string;
  summary: string;
  language: Locale;
  field: string;
  subField: string;
  keywords: string[];
  transferModes: string[];
  province: string;
}

export function emptyCommonValues(locale: Locale): CommonListingValues {
  return {
    title: '',
    summary: '',
    language: locale,
    field: '',
    subField: '',
    keywords: [],
    transferModes: [],
    province: '',
  };
}

export function validateCommon(v: CommonListingValues, issues: Issues): void {
  checkText(issues, 'title', v.title, { required: true, min: TITLE_MIN, max: TITLE_MAX });
  checkText(issues, 'summary', v.summary, { max: SUMMARY_MAX });
  checkChoice(issues, 'language', v.language, LISTING_LANGUAGES);
  checkChoice(issues, 'field', v.field, FIELD_CODES);
  if (!v.subField) issues.subField = { key: 'required' };
  else if (v.field && !isSubFieldOf(v.field, v.subField)) issues.subField = { key: 'invalidChoice' };
  checkMaxItems(issues, 'keywords', v.keywords, KEYWORDS_MAX);
  if (v.transferModes.length === 0) issues.transferModes = { key: 'atLeastOne' };
  else if (v.transferModes.some((m) => !(TRANSFER_MODES as readonly string[]).includes(m)))
    issues.transferModes = { key: 'invalidChoice' };
  if (v.province) checkChoice(issues, 'province', v.province, PROVINCE_CODES);
}

/** Empty optional text is left out rather than sent as `""`, which joi strings refuse. */
export function optionalText(value: string): string | undefined {
  const text = value.trim();
  return text ? text : undefined;
}

export function commonPayload(v: CommonListingValues) {
  return {
    title: v.title.trim(),
    summary: optionalText(v.summary),
    language: v.language,
    field: v.field,
    subField: v.subField,
    keywords: v.keywords,
    transferModes: v.transferModes,
    province: v.province || undefined,
  };
}

export function commonValuesOf(listing: {
  title: string;
  summary?: string;
  language?: Locale;
  field: string;
  subField?: string | null;
  keywords?: string[];
  transferModes?: string[];
  province?: string | null;
}): CommonListingValues {
  return {
    title: listing.title ?? '',
    summary: listing.summary ?? '',
    language: listing.language ?? 'vi',
    field: listing.field ?? '',
    subField: listing.subField ?? '',
    keywords: listing.keywords ?? [],
    transferModes: listing.transferModes ?? [],
    province: listing.province ?? '',
  };
}
