import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAuth } from '../auth';
import {
  approveMember,
  listMembers,
  reinstateUser,
  removeMember,
  suspendUser,
  type OrganizationMember,
} from './membersApi';

/**
 * An organization's members and requests to join. Its administrators approve and remove them,
 * anyone may leave, and operators suspend or reinstate accounts.
 */
export function OrganizationMembers({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { user, refresh } = useAuth();
  const [members, setMembers] = useState<OrganizationMember[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const operator = user?.role === 'admin';
  const orgAdmin = operator || (user?.organization?.id === orgId && user.organizationAdmin === true);

  const load = useCallback(
    () => listMembers(orgId).then(setMembers, (err: unknown) => setError(err)),
    [orgId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  async function run(action: () => Promise<void>, leaving = false) {
    setBusy(true);
    setError(null);
    try {
      await action();
      if (leaving) await refresh();
      else await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function suspend(member: OrganizationMember) {
    const reason = window.prompt(t('members.suspendReason'));
    if (reason && reason.trim().length >= 3) void run(() => suspendUser(member.id, reason.trim()));
  }

  return (
    <div className="organization-members" data-testid={`members-${orgId}`}>
      <h3>{t('members.title')}</h3>
      <ErrorAlert error={error} />
      <ul className="plain-list">
        {(members ?? []).map((m) => (
          <li key={m.id} data-testid={`member-${m.id}`}>
            <span>
              {m.name} ({m.email}){m.membershipStatus === 'pending' ? ` — ${t('members.pending')}` : ''}
              {m.suspended ? ` — ${t('members.suspended')}` : ''}
            </span>{' '}
            {orgAdmin && m.membershipStatus === 'pending' && (
              <button
                type="button"
                className="btn btn-small btn-primary"
                disabled={busy}
                onClick={() => void run(() => approveMember(orgId, m.id))}
              >
                {t('members.approve')}
              </button>
            )}
            {m.id === user?.id ? (
              <button
                type="button"
                className="btn btn-small btn-danger-outline"
                disabled={busy}
                onClick={() => void run(() => removeMember(orgId, m.id), true)}
                data-testid="leave-organization"
              >
                {t('members.leave')}
              </button>
            ) : (
              orgAdmin && (
                <button
                  type="button"
                  className="btn btn-small btn-danger-outline"
                  disabled={busy}
                  onClick={() => void run(() => removeMember(orgId, m.id))}
                  data-testid={`remove-${m.id}`}
                >
                  {m.membershipStatus === 'pending' ? t('members.refuse') : t('members.remove')}
                </button>
              )
            )}
            {operator &&
              m.id !== user?.id &&
              (m.suspended ? (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy}
                  onClick={() => void run(() => reinstateUser(m.id))}
                  data-testid={`reinstate-${m.id}`}
                >
                  {t('members.reinstate')}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn-small btn-danger-outline"
                  disabled={busy}
                  onClick={() => suspend(m)}
                  data-testid={`suspend-${m.id}`}
                >
                  {t('members.suspend')}
                </button>
              ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
