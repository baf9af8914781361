import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { formatMoneyRange } from '../../money';
import type { AppraisalStatus, AppraisalType, Assignment, Valuation } from './appraisalsApi';

/** The appraisal desk's words in the interface language: types, statuses, methods, dates and value ranges. */
export function useAppraisalLabels() {
  const { t } = useTranslation();
  const locale = useLocale();
  return {
    locale,
    type: (type: AppraisalType) => t(`appraisals.types.${type}`),
    status: (status: AppraisalStatus) => t(`appraisals.statuses.${status}`),
    assignment: (status: Assignment['status']) => t(`appraisals.assignmentStatuses.${status}`),
    method: (method: Valuation['method']) => t(`appraisals.methods.${method}`),
    date: (iso: string | undefined) => formatDate(iso, locale),
    dateTime: (iso: string | undefined) => formatDateTime(iso, locale),
    range: (v: Pick<Valuation, 'low' | 'high' | 'currency'>) =>
      formatMoneyRange(v.low, v.high, v.currency, locale),
  };
}
