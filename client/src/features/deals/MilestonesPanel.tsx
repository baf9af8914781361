import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '@contract/enums';
import { formatDate } from '../../dates';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import { autoAcceptAt } from './dealProgress';
import type { Deal, DeliveryMilestone } from './dealTypes';
import { MilestoneActions } from './MilestoneActions';
import { MilestoneFees } from './MilestoneFees';
import { MilestoneStatusBadge } from './MilestoneStatusBadge';
import { MilestoneTransfer } from './MilestoneTransfer';
import { useDealDocuments } from './useDealDocuments';
import { useDeliveryPlan } from './useDeliveryPlan';
import type { MilestoneDone } from './useMilestoneStep';

/**
 * The deal's delivery plan once delivery has started: each milestone with its amount, due date,
 * deliverable, state and history, the steps the viewer may take on it and, once it is accepted,
 * its settlement: the buyer's payment to the seller and the exchange's fee on it.
 */
export function MilestonesPanel({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const query = useDeliveryPlan(deal);
  const [done, setDone] = useState<MilestoneDone | null>(null);
  const milestones = query.data?.milestones;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!milestones?.length) return null;
  const agreed = deal.agreedVersion ? deal.termSheets[deal.agreedVersion - 1] : undefined;
  return (
    <section
      className="card milestones-panel"
      data-testid="milestones-panel"
      aria-labelledby="milestones-title"
    >
      <h2 className="card-title" id="milestones-title">
        {t('deals.milestones.title')}
      </h2>
      {done && (
        <Notice tone="success" testId="milestone-done">
          {t(`deals.milestones.done.${done.action}`, { n: done.n })}
          {done.dealStatus === 'closed_won' && ` ${t('deals.milestones.done.completed')}`}
        </Notice>
      )}
      <ol className="milestone-items">
        {milestones.map((m) => (
          <MilestoneItem
            key={m.n}
            deal={deal}
            milestone={m}
            currency={m.currency ?? agreed?.currency ?? 'VND'}
            onDone={setDone}
          />
        ))}
      </ol>
    </section>
  );
}

function MilestoneItem({
  deal,
  milestone: m,
  currency,
  onDone,
}: {
  deal: Deal;
  milestone: DeliveryMilestone;
  currency: Currency;
  onDone: (done: MilestoneDone) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const date = (iso: string | undefined) => formatDate(iso, locale);
  const titleId = `milestone-${m.n}-title`;
  return (
    <li
      className="milestone-item"
      data-testid={`milestone-${m.n}`}
      data-status={m.status}
      data-settled={m.settled ? 'true' : 'false'}
      aria-labelledby={titleId}
    >
      <div className="milestone-head">
        <h3 id={titleId}>{t('deals.milestones.heading', { n: m.n, title: m.title })}</h3>
        <MilestoneStatusBadge status={m.status} />
        {m.settled && m.status === 'accepted' && (
          <span className="badge badge-milestone-settled" data-testid={`milestone-settled-${m.n}`}>
            {t('deals.milestones.settled')}
          </span>
        )}
        {m.overdue && (
          <span className="badge badge-overdue" data-testid={`milestone-overdue-${m.n}`}>
            {t('deals.milestones.overdue')}
          </span>
        )}
      </div>
      <dl className="details">
        <dt>{t('deals.milestones.amount')}</dt>
        <dd data-testid={`milestone-amount-${m.n}`}>{money(m.amount)}</dd>
        {m.dueDate && (
          <>
            <dt>{t('deals.milestones.dueDate')}</dt>
            <dd data-testid={`milestone-due-${m.n}`}>{date(m.dueDate)}</dd>
          </>
        )}
        {m.deliverable && (
          <>
            <dt>{t('deals.milestones.deliverable')}</dt>
            <dd className="milestone-text">{m.deliverable}</dd>
          </>
        )}
      </dl>
      <MilestoneHistory deal={deal} milestone={m} money={money} date={date} />
      {deal.status === 'delivering' && (
        <MilestoneActions deal={deal} milestone={m} money={money} onDone={onDone} />
      )}
      {m.status === 'accepted' && (
        <div className="milestone-settlement" data-testid={`milestone-settlement-${m.n}`}>
          <MilestoneTransfer deal={deal} milestone={m} money={money} date={date} onDone={onDone} />
          {deal.myRole !== 'broker' && <MilestoneFees deal={deal} milestone={m} />}
        </div>
      )}
    </li>
  );
}

/** What happened to the milestone: its delivery, the buyer's answer, a dispute and its end. */
function MilestoneHistory({
  deal,
  milestone: m,
  money,
  date,
}: {
  deal: Deal;
  milestone: DeliveryMilestone;
  money: (amount: number) => string;
  date: (iso: string | undefined) => string;
}) {
  const { t } = useTranslation();
  const documents = useDeliveredDocuments(deal, m.documentIds);
  const autoAt = m.status === 'delivered' ? autoAcceptAt(m) : undefined;
  const facts: { key: string; text: string; note?: string }[] = [];
  if (m.deliveredAt)
    facts.push({
      key: 'delivered',
      text: t('deals.milestones.deliveredOn', { date: date(m.deliveredAt) }),
      note: m.deliveryNote,
    });
  if (documents.length)
    facts.push({ key: 'documents', text: t('deals.milestones.documents', { names: documents.join(', ') }) });
  if (autoAt)
    facts.push({
      key: 'auto-accept',
      text: t(deal.myRole === 'buyer' ? 'deals.milestones.autoAcceptYou' : 'deals.milestones.autoAccept', {
        date: date(autoAt),
      }),
    });
  if (m.changesNote)
    facts.push({ key: 'changes', text: t('deals.milestones.changesRequested'), note: m.changesNote });
  if (m.dispute) {
    const role = m.dispute.openedByRole
      ? t(`deals.roles.${m.dispute.openedByRole}`, { defaultValue: m.dispute.openedByRole })
      : '';
    facts.push({
      key: 'dispute',
      text: t('deals.milestones.disputedBy', { role, date: date(m.dispute.openedAt) }),
      note: m.dispute.reason,
    });
    if (m.dispute.outcome)
      facts.push({
        key: 'resolved',
        text: t('deals.milestones.resolvedOn', {
          date: date(m.dispute.resolvedAt),
          outcome: t(`deals.milestones.outcomes.${m.dispute.outcome}`),
        }),
        note: m.dispute.note || undefined,
      });
  }
  if (m.status === 'accepted')
    facts.push({
      key: 'accepted',
      text:
        m.acceptedAmount != null
          ? t('deals.milestones.acceptedPart', {
              date: date(m.decidedAt),
              amount: money(m.acceptedAmount),
              full: money(m.amount),
            })
          : t(m.autoAccepted ? 'deals.milestones.autoAcceptedOn' : 'deals.milestones.acceptedOn', {
              date: date(m.decidedAt),
            }),
    });
  if (m.status === 'cancelled')
    facts.push({ key: 'cancelled', text: t('deals.milestones.cancelledOn', { date: date(m.decidedAt) }) });
  if (!facts.length) return null;
  return (
    <ul className="milestone-history">
      {facts.map((f) => (
        <li key={f.key} data-testid={`milestone-${m.n}-${f.key}`}>
          {f.text}
          {f.note && (
            <>
              {' '}
              <q className="milestone-text">{f.note}</q>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The names of the documents handed over with a delivery, as far as the viewer may see them. */
function useDeliveredDocuments(deal: Deal, ids: readonly string[] | undefined): string[] {
  const docs = useDealDocuments(deal).data?.documents;
  if (!ids?.length) return [];
  return ids.map((id) => docs?.find((d) => d.id === id)?.name ?? id);
}
