/**
 * The expert's report form: what was typed, checked as the server would (its rules:
 * server/appraisals/appraisal.schemas.ts), and turned into what POST /api/appraisals/:id/report
 * takes — a value range typed in major units becomes integers in the currency's minor unit.
 */
import { TRL_MAX, TRL_MIN, type Currency } from '@contract/enums';
import { parseMajorInput } from '../../money';
import { checkIntegerRange, checkText, type Issues } from '../../validation';
import type { AppraisalType, ReportBody, Valuation } from './appraisalsApi';

export const REPORT_LIMITS = { findings: 8000, risks: 8000, recommendation: 2000, assumptions: 4000 };

export interface ReportValues {
  trlAssessed: string;
  findings: string;
  risks: string;
  recommendation: string;
  low: string;
  high: string;
  currency: Currency;
  method: Valuation['method'] | '';
  assumptions: string;
}

export const emptyReport = (currency: Currency = 'VND'): ReportValues => ({
  trlAssessed: '',
  findings: '',
  risks: '',
  recommendation: '',
  low: '',
  high: '',
  currency,
  method: '',
  assumptions: '',
});

/** The issues of the form (keyed as the server names its fields), or the body to send. */
export function readReport(
  v: ReportValues,
  type: AppraisalType,
): { issues: Issues; body?: undefined } | { issues?: undefined; body: ReportBody } {
  const issues: Issues = {};
  checkIntegerRange(issues, 'trlAssessed', v.trlAssessed, TRL_MIN, TRL_MAX);
  checkText(issues, 'findings', v.findings, { required: true, max: REPORT_LIMITS.findings });
  checkText(issues, 'risks', v.risks, { required: true, max: REPORT_LIMITS.risks });
  checkText(issues, 'recommendation', v.recommendation, {
    required: true,
    max: REPORT_LIMITS.recommendation,
  });
  let valuation: Valuation | undefined;
  if (type === 'valuation') {
    const low = amount(issues, 'valuation.low', v.low, v.currency);
    const high = amount(issues, 'valuation.high', v.high, v.currency);
    if (low !== null && high !== null && low > high) issues['valuation.high'] = { key: 'minAboveMax' };
    if (!v.method) issues['valuation.method'] = { key: 'required' };
    checkText(issues, 'valuation.assumptions', v.assumptions, { max: REPORT_LIMITS.assumptions });
    if (low !== null && high !== null && v.method)
      valuation = {
        low,
        high,
        currency: v.currency,
        method: v.method,
        ...(v.assumptions.trim() ? { assumptions: v.assumptions.trim() } : {}),
      };
  }
  if (Object.keys(issues).length) return { issues };
  return {
    body: {
      trlAssessed: Number(v.trlAssessed),
      findings: v.findings.trim(),
      risks: v.risks.trim(),
      recommendation: v.recommendation.trim(),
      ...(valuation ? { valuation } : {}),
    },
  };
}

function amount(issues: Issues, name: string, text: string, currency: Currency): number | null {
  if (!text.trim()) {
    issues[name] = { key: 'required' };
    return null;
  }
  const minor = parseMajorInput(text, currency);
  if (minor === null) issues[name] = { key: 'amount' };
  return minor;
}
