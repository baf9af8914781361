import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MILESTONE_DISPUTE_OUTCOMES, type Currency } from '@contract/enums';
import { parseMajorInput } from '../../money';
import { describedBy, FormField } from '../../ui/FormField';
import { MILESTONE_ACCEPT_DAYS, type Deal, type DeliveryMilestone, type DisputeOutcome } from './dealTypes';
import { useDealDocuments } from './useDealDocuments';

function FormFoot({
  busy,
  confirmLabel,
  testId,
  onCancel,
}: {
  busy: boolean;
  confirmLabel: string;
  testId: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid={testId}>
        {busy ? t('common.working') : confirmLabel}
      </button>
    </div>
  );
}

/**
 * The seller's delivery: what is handed over, in a note, and — for a deal on the seller's own
 * offer — which of its confidential documents go with it.
 */
export function DeliverForm({
  deal,
  milestone: m,
  busy,
  onSubmit,
  onCancel,
}: {
  deal: Deal;
  milestone: DeliveryMilestone;
  busy: boolean;
  onSubmit: (body: { note: string; documentIds?: string[] }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState('');
  const docs = useDealDocuments(deal).data?.documents ?? [];
  const confidential = deal.listingKind === 'offer' ? docs.filter((d) => d.confidential) : [];
  const id = `deliver-note-${m.n}`;
  const hint = t('deals.milestones.deliverHint', { days: MILESTONE_ACCEPT_DAYS });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!note.trim()) return setError(t('validation.required'));
    setError('');
    onSubmit({ note: note.trim(), ...(chosen.length ? { documentIds: chosen } : {}) });
  }

  return (
    <form className="milestone-form" onSubmit={submit} noValidate data-testid={`deliver-form-${m.n}`}>
      <FormField
        id={id}
        label={t('deals.milestones.deliveryNote', { n: m.n })}
        error={error}
        hint={hint}
        required
      >
        <textarea
          id={id}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={!!error || undefined}
          aria-describedby={describedBy(id, error, hint)}
          aria-required
          data-testid={id}
          autoFocus
        />
      </FormField>
      {confidential.length > 0 && (
        <fieldset className="milestone-documents">
          <legend>{t('deals.milestones.handOver')}</legend>
          {confidential.map((d) => (
            <label key={d.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(d.id)}
                onChange={(e) =>
                  setChosen((c) => (e.target.checked ? [...c, d.id] : c.filter((x) => x !== d.id)))
                }
                data-testid={`deliver-document-${m.n}-${d.id}`}
              />{' '}
              {d.name}
            </label>
          ))}
        </fieldset>
      )}
      <FormFoot
        busy={busy}
        confirmLabel={t('deals.milestones.confirmDeliver', { n: m.n })}
        testId={`confirm-deliver-milestone-${m.n}`}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The broker's or an operator's end of a dispute: the outcome, a note, and for a partial one the amount accepted. */
export function ResolveForm({
  milestone: m,
  currency,
  money,
  busy,
  onSubmit,
  onCancel,
}: {
  milestone: DeliveryMilestone;
  currency: Currency;
  money: (amount: number) => string;
  busy: boolean;
  onSubmit: (body: { outcome: DisputeOutcome; note?: string; amount?: number }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<DisputeOutcome | ''>('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ outcome?: string; amount?: string }>({});
  const base = `resolve-${m.n}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) return setErrors({ outcome: t('validation.invalidChoice') });
    let part: number | undefined;
    if (outcome === 'partial') {
      part = parseMajorInput(amount, currency) ?? undefined;
      if (part === undefined) return setErrors({ amount: t('validation.amount') });
      if (part <= 0 || part >= m.amount)
        return setErrors({ amount: t('deals.milestones.partialRange', { full: money(m.amount) }) });
    }
    setErrors({});
    onSubmit({
      outcome,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(part !== undefined ? { amount: part } : {}),
    });
  }

  return (
    <form className="milestone-form" onSubmit={submit} noValidate data-testid={`resolve-form-${m.n}`}>
      <fieldset
        className="milestone-outcomes"
        aria-describedby={errors.outcome ? `${base}-outcome-error` : undefined}
      >
        <legend>{t('deals.milestones.outcomeLabel', { n: m.n })}</legend>
        {MILESTONE_DISPUTE_OUTCOMES.map((o) => (
          <label key={o} className="checkbox">
            <input
              type="radio"
              name={`${base}-outcome`}
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
              data-testid={`${base}-outcome-${o}`}
            />{' '}
            {t(`deals.milestones.outcomeChoices.${o}`)}
          </label>
        ))}
        {errors.outcome && (
          <p className="field-error" id={`${base}-outcome-error`} role="alert">
            {errors.outcome}
          </p>
        )}
      </fieldset>
      {outcome === 'partial' && (
        <FormField
          id={`${base}-amount`}
          label={t('deals.milestones.partialAmount', { full: money(m.amount) })}
          error={errors.amount}
          required
        >
          <input
            id={`${base}-amount`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={!!errors.amount || undefined}
            aria-describedby={describedBy(`${base}-amount`, errors.amount)}
            aria-required
            data-testid={`${base}-amount`}
          />
        </FormField>
      )}
      <FormField id={`${base}-note`} label={t('deals.milestones.resolveNote')}>
        <textarea
          id={`${base}-note`}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid={`${base}-note`}
        />
      </FormField>
      <FormFoot
        busy={busy}
        confirmLabel={t('deals.milestones.confirmResolve')}
        testId={`confirm-resolve-milestone-${m.n}`}
        onCancel={onCancel}
      />
    </form>
  );
}
