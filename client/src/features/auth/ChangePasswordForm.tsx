import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FormField } from '../../ui/FormField';
import { Notice } from '../../ui/Notice';
import { useFormErrors } from '../../ui/useFormErrors';
import { useAuth } from './authContext';
import { changePassword, newPasswordIssues, PASSWORD_MIN } from './passwordApi';

/** On the account page: the current password, a new one twice. Other sessions end; this one stays. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { setUser } = useAuth();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { formError, showIssues, showServerError, clear, errorFor } = useFormErrors();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const issues = newPasswordIssues({ newPassword, confirmPassword });
    if (!currentPassword) issues.currentPassword = { key: 'required' };
    if (Object.keys(issues).length) return showIssues(issues);
    setBusy(true);
    clear();
    try {
      setUser(await changePassword({ currentPassword, newPassword }));
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
      setSaved(true);
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (
    id: string,
    name: 'currentPassword' | 'newPassword' | 'confirmPassword',
    value: string,
    set: (v: string) => void,
    autoComplete: string,
    hint?: string,
  ) => {
    const error = errorFor(name);
    return (
      <FormField id={id} label={t(`password.${name}`)} error={error} hint={hint} required>
        <input
          id={id}
          name={name}
          type="password"
          autoComplete={autoComplete}
          required
          value={value}
          onChange={(e) => {
            setSaved(false);
            set(e.target.value);
          }}
          aria-invalid={!!error || undefined}
          aria-describedby={describedBy(id, error, hint)}
        />
      </FormField>
    );
  };

  return (
    <div className="card" id="change-password" data-testid="change-password">
      <h2>{t('password.changeTitle')}</h2>
      <form onSubmit={onSubmit} noValidate data-testid="change-password-form">
        <ErrorAlert error={formError} />
        {field(
          'password-current',
          'currentPassword',
          currentPassword,
          setCurrentPassword,
          'current-password',
        )}
        {field(
          'password-new',
          'newPassword',
          newPassword,
          setNewPassword,
          'new-password',
          t('password.hint', { min: PASSWORD_MIN }),
        )}
        {field('password-confirm', 'confirmPassword', confirmPassword, setConfirmPassword, 'new-password')}
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy}
            data-testid="change-password-submit"
          >
            {busy ? t('common.saving') : t('password.changeSubmit')}
          </button>
        </div>
        {saved && (
          <Notice tone="success" testId="change-password-saved">
            {t('password.changed')}
          </Notice>
        )}
      </form>
    </div>
  );
}
