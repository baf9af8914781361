import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FormField } from '../../ui/FormField';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useFormErrors } from '../../ui/useFormErrors';
import { confirmPasswordReset, newPasswordIssues, PASSWORD_MIN } from './passwordApi';

/** A refusal of the link itself (expired, used, unknown): asking again is the way on. */
function isTokenRefused(err: unknown): boolean {
  return isApiError(err) && err.details.some((d) => d.field === 'token');
}

/** Opened from the reset mail's link: a new password twice; then a way to sign in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [linkRefused, setLinkRefused] = useState(!token);
  const { formError, showIssues, showServerError, clear, errorFor } = useFormErrors();
  useDocumentTitle(t('password.resetTitle'));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const issues = newPasswordIssues({ newPassword, confirmPassword });
    if (Object.keys(issues).length) return showIssues(issues);
    setBusy(true);
    clear();
    try {
      await confirmPasswordReset(token, newPassword);
      setDone(true);
    } catch (err) {
      if (isTokenRefused(err)) setLinkRefused(true);
      else showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (
    id: string,
    name: 'newPassword' | 'confirmPassword',
    value: string,
    set: (v: string) => void,
    hint?: string,
  ) => {
    const error = errorFor(name);
    return (
      <FormField id={id} label={t(`password.${name}`)} error={error} hint={hint} required>
        <input
          id={id}
          name={name}
          type="password"
          autoComplete="new-password"
          required
          value={value}
          onChange={(e) => set(e.target.value)}
          aria-invalid={!!error || undefined}
          aria-describedby={describedBy(id, error, hint)}
        />
      </FormField>
    );
  };

  let body;
  if (done)
    body = (
      <>
        <Notice tone="success" testId="reset-done">
          {t('password.resetDone')}
        </Notice>
        <p>
          <Link to="/login" className="btn btn-primary" data-testid="reset-sign-in">
            {t('login.title')}
          </Link>
        </p>
      </>
    );
  else if (linkRefused)
    body = (
      <>
        <div className="alert alert-error" role="alert" data-testid="reset-link-refused">
          {t('password.linkRefused')}
        </div>
        <p>
          <Link to="/forgot-password" data-testid="reset-ask-again">
            {t('password.askAgain')}
          </Link>
        </p>
      </>
    );
  else
    body = (
      <form onSubmit={onSubmit} noValidate data-testid="reset-password-form">
        <ErrorAlert error={formError} />
        {field(
          'reset-new',
          'newPassword',
          newPassword,
          setNewPassword,
          t('password.hint', { min: PASSWORD_MIN }),
        )}
        {field('reset-confirm', 'confirmPassword', confirmPassword, setConfirmPassword)}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="reset-submit">
            {busy ? t('common.saving') : t('password.resetSubmit')}
          </button>
        </div>
      </form>
    );

  return (
    <section className="auth-page">
      <div className="card narrow">
        <h1>{t('password.resetTitle')}</h1>
        {body}
      </div>
    </section>
  );
}
