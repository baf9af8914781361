import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReasonForm } from '../../ui/ReasonForm';
import {
  acceptMilestone,
  deliverMilestone,
  disputeMilestone,
  requestMilestoneChanges,
  resolveMilestone,
} from './dealsApi';
import type { Deal, DeliveryMilestone, MilestoneChange } from './dealTypes';
import { DeliverForm, ResolveForm } from './MilestoneForms';
import { useMilestoneStep, type MilestoneDone, type MilestoneStepKind } from './useMilestoneStep';

type Mode = 'none' | 'deliver' | 'changes' | 'dispute' | 'resolve';

/** Whom each step belongs to and from which states (the server's milestone rules). */
function mayTake(deal: Deal, m: DeliveryMilestone) {
  const role = deal.myRole;
  const party = role === 'seller' || role === 'buyer';
  return {
    deliver: role === 'seller' && (m.status === 'pending' || m.status === 'changes_requested'),
    answer: role === 'buyer' && m.status === 'delivered',
    dispute: party && (m.status === 'delivered' || m.status === 'changes_requested'),
    resolve: (role === 'broker' || role === 'admin') && m.status === 'disputed',
  };
}

/**
 * The steps the viewer may take on one milestone: the seller delivers; the buyer accepts or asks
 * for changes; either party disputes; the deal's broker or an operator resolves a dispute. Each
 * binding step is confirmed first; the plan and the deal are read again after it.
 */
export function MilestoneActions({
  deal,
  milestone: m,
  money,
  onDone,
}: {
  deal: Deal;
  milestone: DeliveryMilestone;
  money: (amount: number) => string;
  onDone: (done: MilestoneDone) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('none');
  const step = useMilestoneStep(deal.id, m.n, onDone);
  const { busy, error } = step;
  const may = mayTake(deal, m);
  if (!may.deliver && !may.answer && !may.dispute && !may.resolve) return null;
  const target = `milestone-${m.n}`;

  const run = (action: MilestoneStepKind, call: () => Promise<MilestoneChange>) =>
    step.run(action, call, () => setMode('none'));

  return (
    <div className="milestone-actions" data-testid={`milestone-actions-${m.n}`}>
      {mode === 'none' && (
        <div className="button-row">
          {may.deliver && (
            <button
              type="button"
              className="btn btn-small btn-primary"
              onClick={() => setMode('deliver')}
              data-testid={`deliver-${target}`}
            >
              {t(
                m.status === 'changes_requested' ? 'deals.milestones.redeliver' : 'deals.milestones.deliver',
                {
                  n: m.n,
                },
              )}
            </button>
          )}
          {may.answer && (
            <ConfirmButton
              label={t('deals.milestones.accept', { n: m.n })}
              question={t('deals.milestones.acceptConfirm', {
                n: m.n,
                title: m.title,
                amount: money(m.amount),
              })}
              disabled={busy}
              className="btn btn-small btn-primary"
              onConfirm={() => void run('accept', () => acceptMilestone(deal.id, m.n))}
              testId={`accept-${target}`}
            />
          )}
          {may.answer && (
            <button
              type="button"
              className="btn btn-small btn-secondary"
              onClick={() => setMode('changes')}
              data-testid={`request-changes-${target}`}
            >
              {t('deals.milestones.requestChanges')}
            </button>
          )}
          {may.resolve && (
            <button
              type="button"
              className="btn btn-small btn-primary"
              onClick={() => setMode('resolve')}
              data-testid={`resolve-${target}`}
            >
              {t('deals.milestones.resolve')}
            </button>
          )}
          {may.dispute && (
            <button
              type="button"
              className="btn btn-small btn-danger-outline"
              onClick={() => setMode('dispute')}
              data-testid={`dispute-${target}`}
            >
              {t('deals.milestones.dispute')}
            </button>
          )}
        </div>
      )}
      {mode === 'deliver' && (
        <DeliverForm
          deal={deal}
          milestone={m}
          busy={busy}
          onSubmit={(body) => void run('deliver', () => deliverMilestone(deal.id, m.n, body))}
          onCancel={() => setMode('none')}
        />
      )}
      {mode === 'changes' && (
        <ReasonForm
          action="changes"
          targetId={target}
          label={t('deals.milestones.changesLabel', { n: m.n })}
          confirmLabel={t('deals.milestones.confirmChanges')}
          minLength={3}
          tooShortMessage={t('validation.minLength', { min: 3 })}
          busy={busy}
          onSubmit={(note) => void run('request_changes', () => requestMilestoneChanges(deal.id, m.n, note))}
          onCancel={() => setMode('none')}
        />
      )}
      {mode === 'dispute' && (
        <ReasonForm
          action="dispute"
          targetId={target}
          label={t('deals.milestones.disputeLabel', { n: m.n })}
          confirmLabel={t('deals.milestones.confirmDispute')}
          minLength={3}
          tooShortMessage={t('validation.minLength', { min: 3 })}
          busy={busy}
          onSubmit={(reason) => void run('dispute', () => disputeMilestone(deal.id, m.n, reason))}
          onCancel={() => setMode('none')}
        />
      )}
      {mode === 'resolve' && (
        <ResolveForm
          milestone={m}
          currency={m.currency ?? deal.termSheets[(deal.agreedVersion ?? 1) - 1]?.currency ?? 'VND'}
          money={money}
          busy={busy}
          onSubmit={(body) => void run('resolve', () => resolveMilestone(deal.id, m.n, body))}
          onCancel={() => setMode('none')}
        />
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
