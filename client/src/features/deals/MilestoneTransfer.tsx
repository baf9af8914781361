import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/TextField';
import { confirmMilestoneTransfer, recordMilestoneTransfer } from './dealsApi';
import type { Deal, DeliveryMilestone } from './dealTypes';
import { useMilestoneStep, type MilestoneDone } from './useMilestoneStep';

const REFERENCE_MIN = 3;
const REFERENCE_MAX = 120;

interface TransferProps {
  deal: Deal;
  milestone: DeliveryMilestone;
  money: (amount: number) => string;
  date: (iso: string | undefined) => string;
  onDone: (done: MilestoneDone) => void;
}

/**
 * What the buyer owes the seller for an accepted milestone (paid directly between them) and how
 * that payment stands; the buyer records it with its reference (and may correct it until the
 * seller confirms), the seller confirms receiving it.
 */
export function MilestoneTransfer({ deal, milestone: m, money, date, onDone }: TransferProps) {
  const { t } = useTranslation();
  const step = useMilestoneStep(deal.id, m.n, onDone);
  const [correcting, setCorrecting] = useState(false);
  const owed = m.owed ?? 0;
  if (owed <= 0) return null;
  const transfer = m.transfer;
  const state = transfer?.confirmedAt ? 'confirmed' : transfer?.recordedAt ? 'recorded' : 'none';
  const live = deal.status === 'delivering';
  const buyerRecords = live && deal.myRole === 'buyer' && state !== 'confirmed';
  const sellerConfirms = live && deal.myRole === 'seller' && state === 'recorded';
  const values = {
    amount: money(transfer?.amount ?? owed),
    reference: transfer?.reference ?? '',
    date: date(transfer?.confirmedAt ?? transfer?.recordedAt),
    n: m.n,
  };
  return (
    <div className="milestone-transfer" data-testid={`milestone-transfer-${m.n}`} data-state={state}>
      <dl className="details">
        <dt>{t('deals.milestones.settlement.owed')}</dt>
        <dd className="fee-line-amount" data-testid={`milestone-owed-${m.n}`}>
          {money(owed)}
        </dd>
        <dt>{t('deals.milestones.settlement.transfer')}</dt>
        <dd data-testid={`milestone-transfer-state-${m.n}`}>
          {t(`deals.milestones.settlement.transferStates.${state}`, values)}
        </dd>
      </dl>
      {buyerRecords && (state === 'none' || correcting) && (
        <TransferForm
          milestone={m}
          owed={money(owed)}
          initial={transfer?.reference ?? ''}
          busy={step.busy}
          onSubmit={(reference) =>
            void step.run(
              'record_payment',
              () => recordMilestoneTransfer(deal.id, m.n, { reference, amount: owed }),
              () => setCorrecting(false),
            )
          }
          onCancel={state === 'none' ? undefined : () => setCorrecting(false)}
        />
      )}
      {buyerRecords && state === 'recorded' && !correcting && (
        <div className="button-row">
          <button
            type="button"
            className="btn btn-small btn-secondary"
            onClick={() => setCorrecting(true)}
            data-testid={`correct-transfer-milestone-${m.n}`}
          >
            {t('deals.milestones.settlement.correct')}
          </button>
        </div>
      )}
      {sellerConfirms && (
        <div className="button-row">
          <ConfirmButton
            label={t('deals.milestones.settlement.received', { n: m.n })}
            question={t('deals.milestones.settlement.receivedConfirm', values)}
            disabled={step.busy}
            className="btn btn-small btn-primary"
            onConfirm={() => void step.run('confirm_payment', () => confirmMilestoneTransfer(deal.id, m.n))}
            testId={`received-milestone-${m.n}`}
          />
        </div>
      )}
      <ErrorAlert error={step.error} />
    </div>
  );
}

/** The buyer's record of paying the seller: the transfer's reference; the amount is what is owed. */
function TransferForm({
  milestone: m,
  owed,
  initial,
  busy,
  onSubmit,
  onCancel,
}: {
  milestone: DeliveryMilestone;
  owed: string;
  initial: string;
  busy: boolean;
  onSubmit: (reference: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [reference, setReference] = useState(initial);
  const [error, setError] = useState('');
  const id = `transfer-reference-${m.n}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = reference.trim();
    if (!value) return setError(t('validation.required'));
    if (value.length < REFERENCE_MIN) return setError(t('validation.minLength', { min: REFERENCE_MIN }));
    if (value.length > REFERENCE_MAX) return setError(t('validation.maxLength', { max: REFERENCE_MAX }));
    setError('');
    onSubmit(value);
  }

  return (
    <form className="milestone-form" onSubmit={submit} noValidate data-testid={`transfer-form-${m.n}`}>
      <TextField
        id={id}
        name="reference"
        label={t('deals.milestones.settlement.referenceLabel', { n: m.n })}
        hint={t('deals.milestones.settlement.referenceHint', { amount: owed })}
        value={reference}
        onChange={setReference}
        error={error}
        required
      />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy}
          data-testid={`record-transfer-milestone-${m.n}`}
        >
          {busy ? t('common.working') : t('deals.milestones.settlement.record', { amount: owed })}
        </button>
      </div>
    </form>
  );
}
