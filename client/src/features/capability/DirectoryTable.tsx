import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_GROUPS } from '@contract/capability-criteria';
import { useLabels } from '../../labels';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import type { DirectoryItem } from './capabilityApi';
import { LevelBadge } from './LevelBadge';
import { useCapabilityLabels } from './useCapabilityLabels';

/** The directory's enterprises: level, the exchange's verification, and scores where they show them. */
export function DirectoryTable({ items }: { items: DirectoryItem[] }) {
  const { t } = useTranslation();
  const { province } = useLabels();
  const labels = useCapabilityLabels();
  return (
    <ResponsiveTable testId="capability-directory" caption={t('capability.directory.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('capability.directory.enterprise')}</th>
          <th scope="col">{t('capability.sector')}</th>
          <th scope="col">{t('capability.level')}</th>
          <th scope="col">{t('capability.score')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr
            key={`${item.organization.id}:${item.sector}`}
            data-testid={`capability-item-${item.organization.id}-${item.sector}`}
          >
            <td>
              <Link to={`/organizations/${item.organization.id}`}>
                <strong>{item.organization.name}</strong>
              </Link>
              {item.organization.province && (
                <div className="row-note">{province(item.organization.province)}</div>
              )}
            </td>
            <td>{labels.sector(item.sector)}</td>
            <td>
              <LevelBadge level={item.level} />{' '}
              {item.verified && (
                <span className="badge badge-verified" data-testid="capability-item-verified">
                  <span aria-hidden="true">✓</span> {t('capability.verifiedMark')}
                </span>
              )}
            </td>
            <td>
              {item.score === undefined ? (
                <span className="muted">{t('capability.directory.scoresHidden')}</span>
              ) : (
                <>
                  <strong>{t('capability.scoreOf', { score: labels.points(item.score) })}</strong>
                  {item.groups && (
                    <div className="row-note">
                      {CAPABILITY_GROUPS.map((g) => `${g} ${labels.points(item.groups![g])}`).join(' · ')}
                    </div>
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ResponsiveTable>
  );
}
