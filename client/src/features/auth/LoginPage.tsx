import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FormField } from '../../ui/FormField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from './authContext';
import { translatedFieldErrors } from '../../i18n/server-errors';
import { safeNext } from './safeNext';

export function LoginPage() {
  const { t } = useTranslation();
  const { login, status } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('login.title'));

  if (status === 'signedIn' && !busy) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await login(email.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err);
      if (isApiError(err)) setFieldErrors(translatedFieldErrors(err.details, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-page">
      <div className="card narrow">
        <h1>{t('login.title')}</h1>
        <form onSubmit={onSubmit} noValidate data-testid="login-form">
          <ErrorAlert error={error} />
          <FormField id="login-email" label={t('user.email')} error={fieldErrors.email} required>
            <input
              id="login-email"
              name="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-describedby={describedBy('login-email', fieldErrors.email)}
            />
          </FormField>
          <FormField id="login-password" label={t('user.password')} error={fieldErrors.password} required>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby={describedBy('login-password', fieldErrors.password)}
            />
          </FormField>
          <p className="field-hint">
            <Link to="/forgot-password" data-testid="forgot-password-link">
              {t('login.forgotPassword')}
            </Link>
          </p>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="login-submit">
              {busy ? t('common.working') : t('login.submit')}
            </button>
          </div>
        </form>
        <p className="muted">
          {t('login.noAccount')} <Link to="/register">{t('register.title')}</Link>
        </p>
      </div>
    </section>
  );
}
