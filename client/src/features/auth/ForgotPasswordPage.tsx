import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FormField } from '../../ui/FormField';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useFormErrors } from '../../ui/useFormErrors';
import { checkEmail, type Issues } from '../../validation';
import { requestPasswordReset } from './passwordApi';

/**
 * Asks for a reset link. Whatever the email, the page then says the same thing: a link was sent
 * if an account exists (the server answers alike, so nobody learns who has an account).
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const { formError, showIssues, showServerError, clear, errorFor } = useFormErrors();
  useDocumentTitle(t('password.forgotTitle'));
  const emailError = errorFor('email');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const issues: Issues = {};
    checkEmail(issues, 'email', email);
    if (Object.keys(issues).length) return showIssues(issues);
    setBusy(true);
    clear();
    try {
      await requestPasswordReset(email.trim());
      setSent(true);
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-page">
      <div className="card narrow">
        <h1>{t('password.forgotTitle')}</h1>
        {sent ? (
          <Notice tone="success" testId="reset-requested">
            {t('password.requestSent')}
          </Notice>
        ) : (
          <form onSubmit={onSubmit} noValidate data-testid="forgot-password-form">
            <p className="muted">{t('password.forgotIntro')}</p>
            <ErrorAlert error={formError} />
            <FormField id="forgot-email" label={t('user.email')} error={emailError} required>
              <input
                id="forgot-email"
                name="email"
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={!!emailError || undefined}
                aria-describedby={describedBy('forgot-email', emailError)}
              />
            </FormField>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="forgot-submit">
                {busy ? t('common.working') : t('password.requestSubmit')}
              </button>
            </div>
          </form>
        )}
        <p className="muted">
          <Link to="/login">{t('password.backToLogin')}</Link>
        </p>
      </div>
    </section>
  );
}
