import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { AvailabilityBadge } from './AvailabilityBadge';
import type { Expert } from './expertsApi';

/** One expert of the directory: name, affiliation, fields, credentials and availability. */
export function ExpertCard({ expert: e }: { expert: Expert }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const affiliation = e.affiliation || e.organization?.name;
  return (
    <li className="card expert-card" data-testid={`expert-${e.id}`} data-id={e.id}>
      <div className="expert-card-head">
        <h2 className="expert-name" data-testid="expert-name">
          {e.name}
        </h2>
        <AvailabilityBadge availability={e.availability} testId="expert-availability" />
      </div>
      {affiliation && (
        <p className="expert-affiliation" data-testid="expert-affiliation">
          {e.organization && e.affiliation !== e.organization.name ? (
            <>
              {e.affiliation} · <Link to={`/organizations/${e.organization.id}`}>{e.organization.name}</Link>
            </>
          ) : (
            affiliation
          )}
        </p>
      )}
      <ul className="tag-list static" aria-label={t('experts.fields')} data-testid="expert-fields">
        {e.fields.map((f) => (
          <li key={f} className="tag">
            {labels.field(f)}
          </li>
        ))}
      </ul>
      {e.subFields.length > 0 && (
        <p className="row-note">{e.subFields.map((s) => labels.subField(s)).join(' · ')}</p>
      )}
      {e.credentials && (
        <p className="expert-credentials" data-testid="expert-credentials">
          <span className="meta-label">{t('experts.credentials')}</span> {e.credentials}
        </p>
      )}
      {e.languages.length > 0 && (
        <p className="row-note">
          <span className="meta-label">{t('experts.languages')}</span>{' '}
          {e.languages.map((l) => labels.enumLabel('language', l)).join(', ')}
        </p>
      )}
      {e.bio && <p className="expert-bio">{e.bio}</p>}
    </li>
  );
}
