import { useTranslation } from 'react-i18next';
import type { AppraisalReport } from './appraisalsApi';
import { useAppraisalLabels } from './useAppraisalLabels';

/** The expert's report as its readers see it: the TRL found, findings, risks, the value range and the summary. */
export function ReportView({ report: r, expertName }: { report: AppraisalReport; expertName?: string }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  return (
    <section className="card appraisal-report" data-testid="report-view" aria-labelledby="report-view-title">
      <h2 id="report-view-title">{t('appraisals.report.title')}</h2>
      <p className="row-note">
        {expertName
          ? t('appraisals.report.byOn', { name: expertName, date: labels.dateTime(r.submittedAt) })
          : t('appraisals.report.on', { date: labels.dateTime(r.submittedAt) })}
      </p>
      <dl className="details">
        <dt>{t('appraisals.report.trl')}</dt>
        <dd data-testid="report-view-trl">
          {r.trlAssessed} — {t(`trl.${r.trlAssessed}`, { defaultValue: '' })}
        </dd>
        {r.valuation && (
          <>
            <dt>{t('appraisals.report.range')}</dt>
            <dd data-testid="report-view-range">{labels.range(r.valuation)}</dd>
            <dt>{t('appraisals.report.method')}</dt>
            <dd data-testid="report-view-method">{labels.method(r.valuation.method)}</dd>
          </>
        )}
      </dl>
      <h3>{t('appraisals.report.findings')}</h3>
      <div className="prose" data-testid="report-view-findings">
        {r.findings}
      </div>
      <h3>{t('appraisals.report.risks')}</h3>
      <div className="prose" data-testid="report-view-risks">
        {r.risks}
      </div>
      {r.valuation?.assumptions && (
        <>
          <h3>{t('appraisals.report.assumptions')}</h3>
          <div className="prose">{r.valuation.assumptions}</div>
        </>
      )}
      <h3>{t('appraisals.report.recommendation')}</h3>
      <div className="prose" data-testid="report-view-recommendation">
        {r.recommendation}
      </div>
    </section>
  );
}
