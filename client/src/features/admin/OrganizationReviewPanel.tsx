import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDate, formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReasonForm } from '../../ui/ReasonForm';
import { EvidenceList } from '../organizations';
import {
  organizationReview,
  refuseOrganization,
  verifyOrganization,
  type AdminOrganization,
} from './adminApi';

/** Fewest characters of a refusal's reason (the server's rule too). */
const REASON_MIN = 10;

/**
 * What an operator reads before deciding on an organization (its profile, members, who
 * registered it, earlier refusals), and the two decisions: verify (after a confirmation saying
 * what it allows) or refuse with a reason the members are told.
 */
export function OrganizationReviewPanel({
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
  const queryClient = useQueryClient();
  const [refusing, setRefusing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const review = useQuery({
    queryKey: queryKeys.organizationReview(org.id),
    queryFn: ({ signal }) => organizationReview(org.id, signal),
  });
  const data = review.data;
  const current = data?.organization ?? org;
  const state = current.verificationState ?? (current.verified ? 'verified' : 'pending');

  async function decide(action: () => Promise<unknown>, done: () => void) {
    setBusy(true);
    setError(null);
    try {
      await action();
      void queryClient.invalidateQueries({ queryKey: queryKeys.organizationReview(org.id) });
      done();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="card org-review"
      aria-label={t('orgReview.title', { name: org.name })}
      data-testid={`org-review-${org.id}`}
    >
      <h2>{t('orgReview.title', { name: org.name })}</h2>
      <QueryStatus query={review} />
      {data && (
        <>
          <dl className="details">
            <dt>{t('organization.name')}</dt>
            <dd data-testid="review-name">{current.name}</dd>
            <dt>{t('organization.kind')}</dt>
            <dd>{labels.enumLabel('organizationKind', current.kind)}</dd>
            <dt>{t('organization.taxCode')}</dt>
            <dd data-testid="review-tax-code">{current.taxCode || '—'}</dd>
            <dt>{t('organization.province')}</dt>
            <dd>{current.province ? labels.province(current.province) : '—'}</dd>
            <dt>{t('orgReview.website')}</dt>
            <dd>
              {current.website ? (
                <a href={current.website} rel="noopener noreferrer nofollow" target="_blank">
                  {current.website}
                </a>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('organization.createdAt')}</dt>
            <dd>{formatDateTime(current.createdAt, labels.locale)}</dd>
            <dt>{t('orgReview.registeredBy')}</dt>
            <dd data-testid="review-registered-by">
              {data.registeredBy ? `${data.registeredBy.name} (${data.registeredBy.email})` : '—'}
            </dd>
            <dt>{t('orgReview.members')}</dt>
            <dd data-testid="review-member-count">
              {t('orgReview.memberCount', { active: data.members.active, pending: data.members.pending })}
            </dd>
          </dl>
          <h3>{t('orgReview.description')}</h3>
          {current.description ? (
            <p className="organization-description" data-testid="review-description">
              {current.description}
            </p>
          ) : (
            <p className="muted">{t('orgReview.noDescription')}</p>
          )}
          {data.members.list.length > 0 && (
            <>
              <h3>{t('orgReview.memberList')}</h3>
              <ul className="plain-list" data-testid="review-members">
                {data.members.list.map((m) => (
                  <li key={m.id}>
                    {m.name} · {m.email}
                    {m.organizationAdmin ? ` · ${t('orgReview.orgAdmin')}` : ''}
                    {m.membershipStatus === 'pending' ? ` · ${t('orgReview.pendingMember')}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('orgReview.documents')}</h3>
          <div data-testid="review-documents">
            <EvidenceList documents={data.evidence} empty={t('orgReview.noDocuments')} />
          </div>
          {data.refusals.length > 0 && (
            <>
              <h3>{t('orgReview.refusals')}</h3>
              <ul className="plain-list" data-testid="review-refusals">
                {data.refusals.map((r) => (
                  <li key={r.at}>
                    {formatDate(r.at, labels.locale)}
                    {r.by ? ` · ${r.by.name}` : ''}: {r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {state === 'refused' && (
            <p className="muted" data-testid="review-refused-waiting">
              {t('orgReview.refusedWaiting')}
            </p>
          )}
          {state !== 'verified' && !refusing && (
            <div className="form-actions">
              <ConfirmButton
                label={t('admin.organizations.verify')}
                question={t('orgReview.verifyQuestion', { name: current.name })}
                onConfirm={() =>
                  void decide(
                    () => verifyOrganization(org.id),
                    () => onVerified(org),
                  )
                }
                disabled={busy}
                testId={`verify-${org.id}`}
              />
              {state === 'pending' && (
                <button
                  type="button"
                  className="btn btn-danger"
                  disabled={busy}
                  onClick={() => setRefusing(true)}
                  data-testid={`refuse-${org.id}`}
                >
                  {t('orgReview.refuse')}
                </button>
              )}
            </div>
          )}
          {refusing && (
            <ReasonForm
              action="refuse"
              targetId={org.id}
              label={t('orgReview.reasonLabel')}
              confirmLabel={t('orgReview.confirmRefuse')}
              minLength={REASON_MIN}
              tooShortMessage={t('validation.minLength', { min: REASON_MIN })}
              busy={busy}
              onCancel={() => setRefusing(false)}
              onSubmit={(reason) =>
                void decide(
                  () => refuseOrganization(org.id, reason),
                  () => {
                    setRefusing(false);
                    onRefused(org);
                  },
                )
              }
            />
          )}
          <ErrorAlert error={error} />
        </>
      )}
    </section>
  );
}
