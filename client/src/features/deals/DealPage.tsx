import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { outcomeWords } from '@contract/outcome-words';
import { isApiError } from '../../api';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { RequestAppraisalCard } from '../appraisals';
import { NotFoundPage } from '../layout';
import { BrokerPanel } from './BrokerPanel';
import { ContractLinks } from './ContractLinks';
import { DealActions } from './DealActions';
import { DealDocumentsPanel } from './DealDocumentsPanel';
import { DealStatusBadge } from './DealStatusBadge';
import { DealStepper } from './DealStepper';
import { DealTimeline } from './DealTimeline';
import { FeesSlot, NegotiationRoomSlot } from './DealSlots';
import { getDeal } from './dealsApi';
import type { Deal } from './dealTypes';
import { MilestonesPanel } from './MilestonesPanel';
import { TermSheetForm } from './TermSheetForm';
import { TermSheetsSection } from './TermSheetsSection';
import './deals.css';

/** `/deals/:id`: one deal's progress, with its delivery plan, terms, documents, broker, timeline, room and fees. */
export function DealPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.deal(id), queryFn: ({ signal }) => getDeal(id, signal) });
  const deal = query.data;
  const error = query.error;
  useDocumentTitle(deal?.title);

  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  if (!deal) return <QueryStatus query={query} />;

  const setDeal = (changed: Deal) => {
    queryClient.setQueryData(queryKeys.deal(id), changed);
    void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
  };
  const reload = () => void queryClient.invalidateQueries({ queryKey: queryKeys.deal(id) });
  // A party of a live deal may ask for an appraisal of its listing (the server's rule too).
  const canRequestAppraisal =
    ['seller', 'buyer'].includes(deal.myRole) && !['cancelled', 'closed_lost'].includes(deal.status);
  const canPropose = deal.status === 'negotiating' && ['seller', 'buyer', 'broker'].includes(deal.myRole);
  return (
    <article
      className="deal-page"
      data-testid="deal-page"
      data-id={deal.id}
      data-status={deal.status}
      data-role={deal.myRole}
    >
      <header className="page-header">
        <p className="page-kicker">
          {t('deals.kicker')} {deal.reference && <span data-testid="deal-reference">{deal.reference}</span>}{' '}
          <DealStatusBadge status={deal.status} />
        </p>
        <h1 data-testid="deal-title">{deal.title}</h1>
        <p className="page-meta" data-testid="deal-parties">
          {t('deals.seller')}:{' '}
          <strong>
            <Link to={`/organizations/${deal.sellerOrgId}`}>{deal.seller.name}</Link>
          </strong>{' '}
          · {t('deals.buyer')}:{' '}
          <strong>
            <Link to={`/organizations/${deal.buyerOrgId}`}>{deal.buyer.name}</Link>
          </strong>
          {deal.broker && (
            <>
              {' '}
              · {t('deals.broker')}: <strong>{deal.broker.name}</strong>
            </>
          )}
        </p>
        <p className="page-links">
          <span>{t('deals.youAre', { role: t(`deals.roles.${deal.myRole}`) })}</span> ·{' '}
          <Link to={`/${deal.listingKind}s/${deal.listingId}`}>{t('deals.viewListing')}</Link>
        </p>
      </header>
      <ErrorAlert error={error} />
      {(deal.outcome || deal.cancelReason) && (
        <Notice tone="warning" testId="cancel-reason-shown">
          {t(deal.status === 'closed_lost' ? 'deals.walkAwayReasonShown' : 'deals.cancelReasonShown', {
            reason: endedBecause(deal, t),
          })}
        </Notice>
      )}
      <div className="deal-layout">
        <div className="deal-main">
          {/* First in the main column (on a phone the negotiation room still comes first). */}
          <DealStepper deal={deal} />
          <MilestonesPanel deal={deal} />
          <TermSheetsSection deal={deal} onChanged={setDeal} />
          {canPropose && <TermSheetForm key={deal.latestVersion} deal={deal} onProposed={reload} />}
          <ContractLinks deal={deal} />
          <NegotiationRoomSlot deal={deal} />
        </div>
        <aside className="deal-side">
          <FeesSlot deal={deal} onChanged={reload} />
          <DealDocumentsPanel deal={deal} onChanged={setDeal} />
          <BrokerPanel deal={deal} onChanged={setDeal} />
          <DealActions deal={deal} onChanged={setDeal} />
          {canRequestAppraisal && <RequestAppraisalCard kind={deal.listingKind} listingId={deal.listingId} />}
          <DealTimeline deal={deal} />
        </aside>
      </div>
    </article>
  );
}

/** Why the deal ended, in words (a deal cancelled before reasons were kept: its words). */
function endedBecause(deal: Deal, t: TFunction): string {
  const o = deal.outcome;
  return o ? outcomeWords(o, t(`enum.outcomeReason.${o.reason}`)) : (deal.cancelReason ?? '');
}
