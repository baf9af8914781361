import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionButtons } from './DecisionButtons';
import { OUTCOME_REASONS, type OutcomeReason } from '@contract/enums';

export interface Outcome {
  reason: OutcomeReason;
  note?: string;
}

interface OutcomeFormProps {
  /** What ends: `reject`, `cancel`, `walk` names the test ids `<action>-outcome-<id>`, `<action>-note-<id>`, `confirm-<action>-<id>`. */
  action: string;
  targetId: string;
  /** The question above the reasons ("Why do you reject this bid?"). */
  label: string;
  confirmLabel: string;
  busy: boolean;
  onSubmit: (outcome: Outcome) => void;
  onCancel: () => void;
}

/** Why something ends: a reason from the short list (required) and a note (optional). */
export function OutcomeForm({
  action,
  targetId,
  label,
  confirmLabel,
  busy,
  onSubmit,
  onCancel,
}: OutcomeFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<OutcomeReason | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const id = `${action}-outcome-${targetId}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) return setError(t('outcome.chooseReason'));
    setError('');
    onSubmit({ reason, ...(note.trim() ? { note: note.trim() } : {}) });
  }

  return (
    <form className="reject-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value as OutcomeReason | '')}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={id}
      >
        <option value="">{t('outcome.choose')}</option>
        {OUTCOME_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`enum.outcomeReason.${r}`)}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <label htmlFor={`${action}-note-${targetId}`}>{t('outcome.note')}</label>
      <textarea
        id={`${action}-note-${targetId}`}
        name="note"
        rows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid={`${action}-note-${targetId}`}
      />
      <DecisionButtons
        busy={busy}
        confirmLabel={confirmLabel}
        testId={`confirm-${action}-${targetId}`}
        onCancel={onCancel}
      />
    </form>
  );
}
