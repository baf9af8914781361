import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../labels';
import type { Listing } from '../../../types';
import { revisionValue } from './revisionValues';
import { ResponsiveTable } from '../../../ui/ResponsiveTable';

/** The fields a pending revision changes: the published value beside the proposed one. */
export function RevisionChanges({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const revision = listing.revision;
  if (!revision) return null;
  const proposed = revision.proposed as Listing;
  return (
    <ResponsiveTable testId={`revision-changes-${listing.id}`} caption={t('revision.changesCaption')}>
      <thead>
        <tr>
          <th scope="col">{t('revision.field')}</th>
          <th scope="col">{t('revision.before')}</th>
          <th scope="col">{t('revision.after')}</th>
        </tr>
      </thead>
      <tbody>
        {revision.fields.map((field) => (
          <tr key={field} data-field={field}>
            <th scope="row">{t(`listing.${field}`, { defaultValue: field })}</th>
            <td data-testid={`revision-before-${field}`}>
              {revisionValue(listing, field, labels) || t('revision.empty')}
            </td>
            <td data-testid={`revision-after-${field}`}>
              {revisionValue(proposed, field, labels) || t('revision.empty')}
            </td>
          </tr>
        ))}
      </tbody>
    </ResponsiveTable>
  );
}
