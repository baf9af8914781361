import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@contract/enums';
import { api } from '../../api';
import { chooseLocale } from '../../i18n';
import { useLocale } from '../../labels';
import type { User } from '../../types';
import { useAuth } from '../auth';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user, setUser } = useAuth();

  function choose(next: Locale) {
    if (next === locale) return;
    chooseLocale(next);
    if (user) {
      api<{ user?: User }>('/api/auth/me', { method: 'PATCH', body: { locale: next } })
        .then((res) => setUser(res?.user ?? { ...user, locale: next }))
        .catch(() => undefined);
    }
  }

  return (
    <div className="lang-switcher" role="group" aria-label={t('language.label')}>
      {LOCALES.map((l, i) => (
        <span key={l}>
          {i > 0 && (
            <span className="lang-sep" aria-hidden="true">
              |
            </span>
          )}
          <button
            type="button"
            lang={l}
            aria-pressed={locale === l}
            className={locale === l ? 'active' : ''}
            onClick={() => choose(l)}
            data-testid={`lang-${l}`}
            title={l === 'vi' ? 'Tiếng Việt' : 'English'}
          >
            {l.toUpperCase()}
          </button>
        </span>
      ))}
    </div>
  );
}
