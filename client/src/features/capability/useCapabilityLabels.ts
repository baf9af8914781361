import {
  CAPABILITY_GROUP_INFO,
  CAPABILITY_LEVEL_LABELS,
  CAPABILITY_SECTORS,
  type CapabilityGroup,
  type CapabilityLevel,
} from '@contract/capability-criteria';
import type { Label } from '@contract/taxonomy';
import { useLocale } from '../../labels';

/** The questionnaire's own labels (groups, levels, sectors, criteria) in the interface language. */
export function useCapabilityLabels() {
  const locale = useLocale();
  const text = (label: Label) => label[locale];
  return {
    locale,
    text,
    group: (g: CapabilityGroup) => `${g} · ${text(CAPABILITY_GROUP_INFO[g].label)}`,
    level: (l: CapabilityLevel) => text(CAPABILITY_LEVEL_LABELS[l]),
    sector: (code: string) => {
      const s = CAPABILITY_SECTORS.find((x) => x.code === code);
      return s ? text(s.label) : code;
    },
    /** 14.25 → "14,25" / "14.25" (the server keeps two decimals). */
    points: (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 }),
    percent: (ratio: number) => `${Math.round(ratio * 100)}%`,
  };
}

export type CapabilityLabels = ReturnType<typeof useCapabilityLabels>;
