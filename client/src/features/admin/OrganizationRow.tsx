import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../dates';
import { useLabels } from '../../labels';
import type { Organization } from '../../types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { VerifiedBadge } from '../../ui/VerifiedBadge';
import { verifyOrganization } from './adminApi';
import { OrganizationMembers } from '../organizations/OrganizationMembers';

export function OrganizationRow({
  org,
  onVerified,
}: {
  org: Organization;
  onVerified: (org: Organization) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [showMembers, setShowMembers] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      await verifyOrganization(org.id);
      onVerified(org);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
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
        {org.verified ? (
          <VerifiedBadge verified />
        ) : (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={busy}
            onClick={() => void verify()}
            data-testid={`verify-${org.id}`}
          >
            {t('admin.organizations.verify')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => setShowMembers((v) => !v)}
          data-testid={`show-members-${org.id}`}
        >
          {t('members.title')}
        </button>
        {showMembers && <OrganizationMembers orgId={org.id} />}
        <ErrorAlert error={error} />
      </td>
    </tr>
  );
}
