import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@contract/enums';
import { api } from '../../api';
import { chooseLocale } from '../../i18n';
import { useLabels } from '../../labels';
import type { User } from '../../types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FormField } from '../../ui/FormField';
import { Notice } from '../../ui/Notice';
import { useFormErrors } from '../../ui/useFormErrors';
import { useAuth } from './authContext';

const NAME_MIN = 2;

/** On the account page: your name as others see it, and the language of the site and your mail. */
export function ProfileForm({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const { enumLabel } = useLabels();
  const { setUser } = useAuth();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Locale>(user.locale as Locale);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { formError, showIssues, showServerError, clear, errorFor } = useFormErrors();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (name.trim().length < NAME_MIN)
      return showIssues({ name: { key: 'minLength', params: { min: NAME_MIN } } });
    setBusy(true);
    clear();
    try {
      const res = await api<{ user: User }>('/api/auth/me', {
        method: 'PATCH',
        body: { name: name.trim(), locale },
      });
      setUser(res.user);
      if (locale !== i18n.language) chooseLocale(locale);
      setSaved(true);
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  const nameError = errorFor('name');
  return (
    <form onSubmit={onSubmit} noValidate data-testid="profile-form">
      <ErrorAlert error={formError} />
      <FormField id="profile-name" label={t('user.name')} error={nameError} required>
        <input
          id="profile-name"
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => {
            setSaved(false);
            setName(e.target.value);
          }}
          aria-invalid={!!nameError || undefined}
          aria-describedby={describedBy('profile-name', nameError)}
          data-testid="profile-name"
        />
      </FormField>
      <FormField id="profile-locale" label={t('user.locale')}>
        <select
          id="profile-locale"
          name="locale"
          value={locale}
          onChange={(e) => {
            setSaved(false);
            setLocale(e.target.value as Locale);
          }}
          data-testid="profile-locale"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {enumLabel('language', l)}
            </option>
          ))}
        </select>
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="profile-submit">
          {busy ? t('common.saving') : t('account.saveProfile')}
        </button>
      </div>
      {saved && (
        <Notice tone="success" testId="profile-saved">
          {t('account.profileSaved')}
        </Notice>
      )}
    </form>
  );
}
