/**
 * Human labels for codes. Taxonomy and provinces carry their own vi/en labels in the contract;
 * the other enums' labels live in the i18n resources under `enum.<group>.<value>`.
 */
import { useTranslation } from 'react-i18next';
import { findField, subFieldLabel } from '@contract/taxonomy';
import { PROVINCES, type Locale } from '@contract/enums';

export type EnumGroup =
  | 'organizationKind'
  | 'role'
  | 'ipStatus'
  | 'transferMode'
  | 'pricingModel'
  | 'demandMode'
  | 'listingStatus'
  | 'listingKind'
  | 'language';

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

export interface Labels {
  locale: Locale;
  field(code: string): string;
  subField(code: string): string;
  province(code: string): string;
  enumLabel(group: EnumGroup, value: string): string;
}

export function useLabels(): Labels {
  const { t } = useTranslation();
  const locale = useLocale();
  return {
    locale,
    field: (code) => findField(code)?.label[locale] ?? code,
    subField: (code) => subFieldLabel(code)?.[locale] ?? code,
    province: (code) => PROVINCES.find((p) => p.code === code)?.label[locale] ?? code,
    enumLabel: (group, value) => t(`enum.${group}.${value}`, { defaultValue: value }),
  };
}
