import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface RejectFormProps {
  listingId: string;
  busy: boolean;
  onReject: (reason: string) => void;
  onCancel: () => void;
}

export function RejectForm({ listingId, busy, onReject, onCancel }: RejectFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const id = `reject-reason-${listingId}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setError(t('validation.required'));
    setError('');
    onReject(reason.trim());
  }

  return (
    <form className="reject-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={id}>{t('review.reason')}</label>
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
          data-testid={`confirm-reject-${listingId}`}
        >
          {t('review.confirmReject')}
        </button>
      </div>
    </form>
  );
}
