import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../dates';
import { useLabels } from '../../labels';
import { VerifiedBadge } from '../../ui/VerifiedBadge';
import { OrganizationMembers } from '../organizations';
import type { AdminOrganization } from './adminApi';
import { OrganizationReviewPanel } from './OrganizationReviewPanel';

const COLUMNS = 6;

/** One organization in the operators' list; its details (and the decision on it) open below the row. */
export function OrganizationRow({
  org,
  onVerified,
  onRefused,
}: {
  org: AdminOrganization;
  onVerified: (org: AdminOrganization) => void;
  onRefused: (org: AdminOrganization) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [showReview, setShowReview] = useState(false);
  const [showMembers, setShowMembers] = useState(false);
  const refused = !org.verified && org.verificationState === 'refused';

  return (
    <>
      <tr data-testid={`org-row-${org.id}`}>
        <td>
          <strong>{org.name}</strong>
          <div className="row-note">
            <code>{org.id}</code>
          </div>
        </td>
        <td>{labels.enumLabel('organizationKind', org.kind)}</td>
        <td>{org.province ? labels.province(org.province) : '—'}</td>
        <td>{org.taxCode || '—'}</td>
        <td>{formatDate(org.createdAt, labels.locale)}</td>
        <td>
          {refused ? (
            <span className="badge badge-unverified" data-testid={`refused-${org.id}`}>
              {t('orgReview.refusedBadge')}
            </span>
          ) : (
            <VerifiedBadge verified={org.verified} />
          )}
          <button
            type="button"
            className="btn btn-small btn-primary"
            aria-expanded={showReview}
            onClick={() => setShowReview((v) => !v)}
            data-testid={`review-${org.id}`}
          >
            {org.verified ? t('orgReview.details') : t('orgReview.open')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-expanded={showMembers}
            onClick={() => setShowMembers((v) => !v)}
            data-testid={`show-members-${org.id}`}
          >
            {t('members.title')}
          </button>
          {showMembers && <OrganizationMembers orgId={org.id} />}
        </td>
      </tr>
      {showReview && (
        <tr className="org-review-row">
          <td colSpan={COLUMNS}>
            <OrganizationReviewPanel
              org={org}
              onVerified={(o) => {
                setShowReview(false);
                onVerified(o);
              }}
              onRefused={onRefused}
            />
          </td>
        </tr>
      )}
    </>
  );
}
