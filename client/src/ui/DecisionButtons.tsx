import { useTranslation } from 'react-i18next';

/** The foot of a decision's form: go back, or confirm it (a submit button named `testId`). */
export function DecisionButtons(props: {
  busy: boolean;
  confirmLabel: string;
  testId: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="button" className="btn btn-ghost" onClick={props.onCancel} disabled={props.busy}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="btn btn-danger" disabled={props.busy} data-testid={props.testId}>
        {props.confirmLabel}
      </button>
    </div>
  );
}
