import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button for a binding step: the first click asks, saying what the step binds; only the
 * "Confirm" that follows takes it (`confirm-<testId>`), and "Cancel" goes back.
 */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  disabled,
  className = 'btn btn-primary',
  testId,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={className}
        disabled={disabled}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-inline" role="group" aria-label={question}>
      <span data-testid={`question-${testId}`}>{question}</span>
      <button
        type="button"
        className="btn btn-small btn-primary"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={`confirm-${testId}`}
      >
        {t('common.confirm')}
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
