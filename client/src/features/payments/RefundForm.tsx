import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface RefundFormProps {
  paymentId: string;
  busy: boolean;
  onRefund: (reason: string) => void;
  onCancel: () => void;
}

export function RefundForm({ paymentId, busy, onRefund, onCancel }: RefundFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const id = `refund-reason-${paymentId}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) return setError(t('payments.admin.reasonRequired'));
    setError('');
    onRefund(reason.trim());
  }

  return (
    <form className="reject-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={id}>{t('payments.admin.refundReason')}</label>
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
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="btn btn-danger"
          disabled={busy}
          data-testid={`confirm-refund-${paymentId}`}
        >
          {t('payments.admin.confirmRefund')}
        </button>
      </div>
    </form>
  );
}
