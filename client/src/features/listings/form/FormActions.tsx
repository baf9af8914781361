import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  busy: 'save' | 'submit' | null;
  canSubmit: boolean;
  /** A published listing: saving sends the changes to review (the published version stays meanwhile). */
  revision?: boolean;
  cancelHref: string;
  onSaveDraft: () => void;
  onSubmit: () => void;
}

export function FormActions({
  busy,
  canSubmit,
  revision,
  cancelHref,
  onSaveDraft,
  onSubmit,
}: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-actions sticky-actions">
      <Link to={cancelHref} className="btn btn-ghost">
        {t('common.cancel')}
      </Link>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={!!busy}
        onClick={onSaveDraft}
        data-testid={revision ? 'submit-changes' : 'save-draft'}
      >
        {busy === 'save'
          ? t('common.saving')
          : revision
            ? t('revision.submitChanges')
            : t('listingForm.saveDraft')}
      </button>
      {canSubmit && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={!!busy}
          onClick={onSubmit}
          data-testid="submit-review"
        >
          {busy === 'submit' ? t('common.working') : t('listingForm.submitReview')}
        </button>
      )}
    </div>
  );
}
