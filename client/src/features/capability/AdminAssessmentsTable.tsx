import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { AdminAssessmentRow } from './AdminAssessmentRow';
import type { AdminAssessment } from './capabilityApi';

/** Every complete assessment of the summary, with a "Verify" button on those not verified yet. */
export function AdminAssessmentsTable({ assessments }: { assessments: AdminAssessment[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="capability-admin-assessments">
      <h2 id="capability-admin-assessments">{t('capability.admin.assessments')}</h2>
      {assessments.length === 0 ? (
        <p className="empty-state">{t('capability.admin.none')}</p>
      ) : (
        <ResponsiveTable testId="capability-assessments">
          <thead>
            <tr>
              <th scope="col">{t('capability.directory.enterprise')}</th>
              <th scope="col">{t('capability.sector')}</th>
              <th scope="col">{t('capability.level')}</th>
              <th scope="col">{t('capability.score')}</th>
              <th scope="col">{t('capability.synchronisation')}</th>
              <th scope="col">{t('capability.admin.completedAt')}</th>
              <th scope="col">{t('capability.admin.verification')}</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((a) => (
              <AdminAssessmentRow key={a.id} assessment={a} />
            ))}
          </tbody>
        </ResponsiveTable>
      )}
    </section>
  );
}
