import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import { getNotificationPrefs, saveNotificationPrefs, type NotificationPrefs } from './notificationsApi';
import './notifications.css';

/** On the account page: email on or off, each notification at once or one digest a day. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const [prefs, setPrefs] = useState<NotificationPrefs | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    getNotificationPrefs(controller.signal)
      .then(setPrefs)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      });
    return () => controller.abort();
  }, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!prefs) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      await saveNotificationPrefs(prefs);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  const change = (next: Partial<NotificationPrefs>) => {
    setSaved(false);
    setPrefs((p) => (p ? { ...p, ...next } : p));
  };

  return (
    <div className="card" id="notification-settings" data-testid="notification-settings">
      <h2>{t('notifications.settings.title')}</h2>
      <ErrorAlert error={error} />
      {prefs && (
        <form className="settings-form" onSubmit={onSubmit}>
          <label>
            <input
              type="checkbox"
              name="email"
              checked={prefs.email}
              onChange={(e) => change({ email: e.target.checked })}
              data-testid="prefs-email"
            />
            {t('notifications.settings.email')}
          </label>
          <fieldset disabled={!prefs.email}>
            <legend>{t('notifications.settings.frequency')}</legend>
            {(['instant', 'daily'] as const).map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name="frequency"
                  value={f}
                  checked={prefs.frequency === f}
                  onChange={() => change({ frequency: f })}
                  data-testid={`prefs-${f}`}
                />
                {t(`notifications.settings.${f}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="btn btn-primary" disabled={saving} data-testid="prefs-save">
            {saving ? t('common.saving') : t('notifications.settings.save')}
          </button>
          {saved && (
            <Notice tone="success" testId="prefs-saved">
              {t('notifications.settings.saved')}
            </Notice>
          )}
        </form>
      )}
    </div>
  );
}
