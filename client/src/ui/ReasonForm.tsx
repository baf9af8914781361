import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionButtons } from './DecisionButtons';

interface ReasonFormProps {
  /** What the reason is for: `reject`, `refund`… names the test ids `<action>-reason-<id>` and `confirm-<action>-<id>`. */
  action: string;
  targetId: string;
  label: string;
  confirmLabel: string;
  minLength?: number;
  tooShortMessage?: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** An operator's decision that needs a written reason (rejecting a listing, refunding a fee). */
export function ReasonForm({
  action,
  targetId,
  label,
  confirmLabel,
  minLength = 1,
  tooShortMessage,
  busy,
  onSubmit,
  onCancel,
}: ReasonFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const id = `${action}-reason-${targetId}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < minLength) return setError(tooShortMessage ?? t('validation.required'));
    setError('');
    onSubmit(reason.trim());
  }

  return (
    <form className="reject-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name="reason"
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={id}
        autoFocus
      />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <DecisionButtons
        busy={busy}
        confirmLabel={confirmLabel}
        testId={`confirm-${action}-${targetId}`}
        onCancel={onCancel}
      />
    </form>
  );
}
