import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { reportAppraisal, type Appraisal } from './appraisalsApi';
import { emptyReport, readReport, REPORT_LIMITS, type ReportValues } from './reportForm';
import { TrlAssessedSelect } from './TrlAssessedSelect';
import { ValuationFields } from './ValuationFields';

/** The expert's structured report: assessed TRL, findings, risks, the value range for a valuation, and the summary. */
export function ReportForm({
  appraisal,
  onReported,
}: {
  appraisal: Appraisal;
  onReported: (appraisal: Appraisal) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ReportValues>(() => emptyReport());
  const { formError, showIssues, showServerError, clear, errorFor } = useFormErrors();
  const report = useMutation({
    mutationFn: (body: Parameters<typeof reportAppraisal>[1]) => reportAppraisal(appraisal.id, body),
    onSuccess: (updated) => {
      clear();
      onReported(updated);
    },
    onError: showServerError,
  });
  function set<K extends keyof ReportValues>(key: K, value: ReportValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    const read = readReport(values, appraisal.type);
    if (read.issues) return showIssues(read.issues);
    report.mutate(read.body);
  }
  return (
    <form
      className="card appraisal-report-form"
      onSubmit={submit}
      noValidate
      data-testid="report-form"
      aria-labelledby="report-form-title"
    >
      <h2 id="report-form-title">{t('appraisals.report.formTitle')}</h2>
      <p className="muted">{t(`appraisals.report.formIntro.${appraisal.type}`)}</p>
      <ErrorAlert error={formError} />
      <TrlAssessedSelect
        value={values.trlAssessed}
        onChange={(v) => set('trlAssessed', v)}
        error={errorFor('trlAssessed')}
      />
      <TextField
        id="report-findings"
        name="findings"
        label={t('appraisals.report.findings')}
        value={values.findings}
        onChange={(v) => set('findings', v)}
        error={errorFor('findings')}
        maxLength={REPORT_LIMITS.findings}
        multiline
        required
      />
      <TextField
        id="report-risks"
        name="risks"
        label={t('appraisals.report.risks')}
        value={values.risks}
        onChange={(v) => set('risks', v)}
        error={errorFor('risks')}
        maxLength={REPORT_LIMITS.risks}
        multiline
        rows={4}
        required
      />
      {appraisal.type === 'valuation' && <ValuationFields values={values} set={set} errorFor={errorFor} />}
      <TextField
        id="report-recommendation"
        name="recommendation"
        label={t('appraisals.report.recommendation')}
        hint={t('appraisals.report.recommendationHint')}
        value={values.recommendation}
        onChange={(v) => set('recommendation', v)}
        error={errorFor('recommendation')}
        maxLength={REPORT_LIMITS.recommendation}
        multiline
        rows={3}
        required
      />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={report.isPending}
          data-testid="report-submit"
        >
          {report.isPending ? t('common.working') : t('appraisals.report.submit')}
        </button>
      </div>
    </form>
  );
}
