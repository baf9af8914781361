import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { QueryStatus } from '../../api/QueryStatus';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { isAdmin, useAuth } from '../auth';
import { NotFoundPage } from '../layout';
import { listingHref } from '../listings';
import { AppraisalFacts } from './AppraisalFacts';
import { AppraisalFeePanel } from './AppraisalFeePanel';
import { AppraisalStatusBadge } from './AppraisalStatusBadge';
import { AppraisalTimeline } from './AppraisalTimeline';
import { appraisalKeys, getAppraisal, type Appraisal } from './appraisalsApi';
import { AssignmentsList } from './AssignmentsList';
import { ExpertDecision } from './ExpertDecision';
import { ExpertWorkspace } from './ExpertWorkspace';
import { PublishAction } from './PublishAction';
import { ReportView } from './ReportView';
import { useAppraisalLabels } from './useAppraisalLabels';
import './appraisals.css';

type Step = 'accepted' | 'reported' | 'published';

/** While its fee's payment is pending, the requester's page reads the request again this often. */
const POLL_MS = 4000;

/**
 * `/appraisals/:id`: one request as its readers see it — status, listing, experts, timeline and
 * report — with the step each may take: the assigned expert accepts or declines, then reports;
 * the listing's owner publishes the report on the listing.
 */
export function AppraisalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const labels = useAppraisalLabels();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step | null>(null);
  const orgId = user?.membershipStatus === 'active' ? user.organization?.id : undefined;
  const query = useQuery({
    queryKey: appraisalKeys.detail(id),
    queryFn: ({ signal }) => getAppraisal(id, signal),
    // A confirmed transfer (or a landed card payment) shows the report without a reload.
    refetchInterval: (q) =>
      q.state.data?.fee?.status === 'pending' && !!orgId && q.state.data.requesterOrgId === orgId
        ? POLL_MS
        : false,
  });
  const a = query.data;
  useDocumentTitle(a ? `${labels.type(a.type)} · ${a.listingTitle}` : undefined);

  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  if (!a) return <QueryStatus query={query} />;

  const after = (next: Step) => (updated: Appraisal) => {
    setStep(next);
    queryClient.setQueryData(appraisalKeys.detail(id), updated);
    void queryClient.invalidateQueries({ queryKey: appraisalKeys.all });
  };
  /** Who declined no longer reads the request: back to their list, told it was declined. */
  const declined = () => {
    queryClient.removeQueries({ queryKey: appraisalKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: appraisalKeys.all });
    navigate('/appraisals', { state: { notice: 'declined' } });
  };
  const mine = a.assignments.find((x) => x.expertId === user?.id);
  const owner = !!orgId && orgId === a.listingOrgId;
  const requester = !!orgId && orgId === a.requesterOrgId;
  /** A payment started: the fee now stands pending. */
  const reread = () => void queryClient.invalidateQueries({ queryKey: appraisalKeys.detail(id) });
  const reporter = a.report ? a.assignments.find((x) => x.expertId === a.report!.expertId)?.name : undefined;
  return (
    <article className="appraisal-page" data-testid="appraisal-page" data-id={a.id} data-status={a.status}>
      <header className="page-header">
        <p className="page-kicker">
          {labels.type(a.type)} <AppraisalStatusBadge status={a.status} testId="appraisal-status" />
        </p>
        <h1 data-testid="appraisal-title">{a.listingTitle}</h1>
        <p className="page-links">
          <Link to="/appraisals">{t('appraisals.mine.back')}</Link>
          {isAdmin(user) && (
            <>
              {' · '}
              <Link to={`/admin/appraisals?status=${a.status}`} data-testid="appraisal-desk-link">
                {t('appraisals.desk.title')}
              </Link>
            </>
          )}
        </p>
      </header>
      {step && (
        <Notice tone="success" testId={`appraisal-notice-${step}`}>
          {t(`appraisals.notices.${step}`)}{' '}
          {step === 'published' && (
            <Link to={listingHref(a.listingKind, a.listingId)} data-testid="appraisal-published-link">
              {t('appraisals.publish.see')}
            </Link>
          )}
        </Notice>
      )}
      <div className="appraisal-layout">
        <div className="appraisal-main">
          <section className="card" aria-labelledby="appraisal-request-facts">
            <h2 className="card-title" id="appraisal-request-facts">
              {t('appraisals.requestTitle')}
            </h2>
            <AppraisalFacts appraisal={a} />
          </section>
          {mine?.status === 'assigned' && (
            <ExpertDecision
              appraisal={a}
              onDecided={(u, outcome) => (outcome === 'accepted' ? after('accepted')(u) : declined())}
            />
          )}
          {mine?.status === 'accepted' && a.status === 'in_progress' && (
            <ExpertWorkspace appraisal={a} onReported={after('reported')} />
          )}
          {a.reportWithheld ? (
            <Notice tone="info" testId="appraisal-report-withheld">
              {t(requester ? 'appraisals.fee.withheld' : 'appraisals.fee.withheldOther')}
            </Notice>
          ) : a.report ? (
            <ReportView report={a.report} expertName={reporter} />
          ) : (
            !mine && (
              <p className="muted" data-testid="appraisal-waiting">
                {t(`appraisals.waiting.${a.status}`, { defaultValue: '' })}
              </p>
            )
          )}
          {(requester || isAdmin(user)) && (
            <AppraisalFeePanel appraisal={a} payer={requester} onStarted={reread} />
          )}
          {owner && a.status === 'reported' && (
            <PublishAction appraisal={a} onPublished={after('published')} />
          )}
        </div>
        <aside className="appraisal-side">
          <section className="card" aria-labelledby="appraisal-experts-title">
            <h2 className="card-title" id="appraisal-experts-title">
              {t('appraisals.assignments.title')}
            </h2>
            <AssignmentsList assignments={a.assignments} />
          </section>
          <AppraisalTimeline appraisal={a} />
        </aside>
      </div>
    </article>
  );
}
