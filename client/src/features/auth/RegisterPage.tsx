import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, type Locale, type OrganizationKind } from '@contract/enums';
import { useLabels, useLocale } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FormField } from '../../ui/FormField';
import { ProvinceSelect } from '../../ui/ProvinceSelect';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useFormErrors } from '../../ui/useFormErrors';
import { useAuth } from './authContext';
import { OrganizationPicker } from '../organizations';
import type { DirectoryEntry } from '../organizations';
import {
  emptyRegisterValues,
  PASSWORD_MIN_LENGTH,
  toRegisterRequest,
  validateRegister,
  type RegisterValues,
} from './registerForm';

export function RegisterPage() {
  const { t } = useTranslation();
  const { enumLabel } = useLabels();
  const locale = useLocale();
  const { register, status } = useAuth();
  const navigate = useNavigate();
  const [values, setValues] = useState<RegisterValues>(() => emptyRegisterValues(locale));
  const [busy, setBusy] = useState(false);
  const [joinOrg, setJoinOrg] = useState<DirectoryEntry | null>(null);
  const { formError, showIssues, showServerError, clear, errorFor } = useFormErrors();
  useDocumentTitle(t('register.title'));

  if (status === 'signedIn' && !busy) return <Navigate to="/account" replace />;

  const set = <K extends keyof RegisterValues>(key: K, value: RegisterValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const issues = validateRegister(values);
    if (Object.keys(issues).length) {
      showIssues(issues);
      return;
    }
    clear();
    setBusy(true);
    try {
      await register(toRegisterRequest(values));
      navigate('/account', { replace: true });
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  const err = {
    name: errorFor('name'),
    email: errorFor('email'),
    password: errorFor('password'),
    locale: errorFor('locale'),
    orgName: errorFor('organization.name'),
    orgKind: errorFor('organization.kind'),
    province: errorFor('organization.province'),
    taxCode: errorFor('organization.taxCode'),
    organizationId: errorFor('organizationId'),
  };
  const orgError =
    values.organizationMode === 'create' && !err.orgName ? errorFor('organization') : undefined;

  return (
    <section className="auth-page">
      <div className="card medium">
        <h1>{t('register.title')}</h1>
        <p className="muted">{t('register.intro')}</p>
        <form onSubmit={onSubmit} noValidate data-testid="register-form">
          <ErrorAlert error={formError} />
          <fieldset>
            <legend>{t('register.aboutYou')}</legend>
            <FormField id="reg-name" label={t('user.name')} error={err.name} required>
              <input
                id="reg-name"
                name="name"
                autoComplete="name"
                value={values.name}
                onChange={(e) => set('name', e.target.value)}
                aria-invalid={!!err.name || undefined}
                aria-describedby={describedBy('reg-name', err.name)}
              />
            </FormField>
            <FormField id="reg-email" label={t('user.email')} error={err.email} required>
              <input
                id="reg-email"
                name="email"
                type="email"
                autoComplete="email"
                value={values.email}
                onChange={(e) => set('email', e.target.value)}
                aria-invalid={!!err.email || undefined}
                aria-describedby={describedBy('reg-email', err.email)}
              />
            </FormField>
            <FormField
              id="reg-password"
              label={t('user.password')}
              error={err.password}
              hint={t('register.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              required
            >
              <input
                id="reg-password"
                name="password"
                type="password"
                autoComplete="new-password"
                value={values.password}
                onChange={(e) => set('password', e.target.value)}
                aria-invalid={!!err.password || undefined}
                aria-describedby={describedBy('reg-password', err.password, true)}
              />
            </FormField>
            <FormField id="reg-locale" label={t('user.locale')} error={err.locale}>
              <select
                id="reg-locale"
                name="locale"
                value={values.locale}
                onChange={(e) => set('locale', e.target.value as Locale)}
              >
                <option value="vi">Tiếng Việt</option>
                <option value="en">English</option>
              </select>
            </FormField>
          </fieldset>

          <fieldset>
            <legend>{t('register.organization')}</legend>
            <div className="segmented" role="radiogroup" aria-label={t('register.organization')}>
              {(['create', 'join'] as const).map((mode) => (
                <label key={mode} className={values.organizationMode === mode ? 'active' : ''}>
                  <input
                    type="radio"
                    name="organizationMode"
                    value={mode}
                    checked={values.organizationMode === mode}
                    onChange={() => set('organizationMode', mode)}
                    data-testid={`org-mode-${mode}`}
                  />
                  {t(`register.orgMode.${mode}`)}
                </label>
              ))}
            </div>
            {orgError && <p className="field-error">{orgError}</p>}

            {values.organizationMode === 'create' ? (
              <>
                <FormField id="reg-org-name" label={t('organization.name')} error={err.orgName} required>
                  <input
                    id="reg-org-name"
                    name="organization.name"
                    autoComplete="organization"
                    value={values.organizationName}
                    onChange={(e) => set('organizationName', e.target.value)}
                    aria-invalid={!!err.orgName || undefined}
                    aria-describedby={describedBy('reg-org-name', err.orgName)}
                  />
                </FormField>
                <FormField id="reg-org-kind" label={t('organization.kind')} error={err.orgKind} required>
                  <select
                    id="reg-org-kind"
                    name="organization.kind"
                    value={values.organizationKind}
                    onChange={(e) => set('organizationKind', e.target.value as OrganizationKind | '')}
                    aria-invalid={!!err.orgKind || undefined}
                    aria-describedby={describedBy('reg-org-kind', err.orgKind)}
                  >
                    <option value="">{t('form.choose')}</option>
                    {ORGANIZATION_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {enumLabel('organizationKind', kind)}
                      </option>
                    ))}
                  </select>
                </FormField>
                <div className="form-row">
                  <FormField id="reg-org-province" label={t('organization.province')} error={err.province}>
                    <ProvinceSelect
                      id="reg-org-province"
                      name="organization.province"
                      value={values.province}
                      onChange={(v) => set('province', v)}
                      invalid={!!err.province}
                      describedBy={describedBy('reg-org-province', err.province)}
                    />
                  </FormField>
                  <FormField id="reg-org-tax" label={t('organization.taxCode')} error={err.taxCode}>
                    <input
                      id="reg-org-tax"
                      name="organization.taxCode"
                      inputMode="numeric"
                      value={values.taxCode}
                      onChange={(e) => set('taxCode', e.target.value)}
                      aria-invalid={!!err.taxCode || undefined}
                      aria-describedby={describedBy('reg-org-tax', err.taxCode)}
                    />
                  </FormField>
                </div>
              </>
            ) : (
              <FormField
                id="reg-org-search"
                label={t('register.findOrganization')}
                error={err.organizationId}
                hint={t('register.findOrganizationHint')}
                required
              >
                <OrganizationPicker
                  id="reg-org-search"
                  value={joinOrg}
                  onChange={(org) => {
                    setJoinOrg(org);
                    set('organizationId', org?.id ?? '');
                  }}
                  error={err.organizationId}
                />
              </FormField>
            )}
          </fieldset>

          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="register-submit">
              {busy ? t('common.working') : t('register.submit')}
            </button>
          </div>
        </form>
        <p className="muted">
          {t('register.haveAccount')} <Link to="/login">{t('login.title')}</Link>
        </p>
      </div>
    </section>
  );
}
