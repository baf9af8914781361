import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import type { SearchState } from '../search';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { alertFromSearchState, canSaveSearch } from './alertQuery';
import { createAlert } from './alertsApi';

/** On the search page: save the current words and filters, to be told about new listings that match. */
export function SaveSearchButton({ state }: { state: SearchState }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify(alertFromSearchState(state));
  const [savedKey, setSavedKey] = useState<string | null>(null);

  if (!canSaveSearch(state)) return null;
  if (!user) {
    return (
      <p className="save-search muted">
        <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>
          {t('login.title')}
        </Link>{' '}
        {t('alerts.signInToSave')}
      </p>
    );
  }

  async function save() {
    setStatus('saving');
    setError(null);
    try {
      const { q, filters } = alertFromSearchState(state);
      await createAlert(q, filters);
      setSavedKey(key);
      setStatus('saved');
    } catch (err) {
      setError(err);
      setStatus('idle');
    }
  }

  const saved = status === 'saved' && savedKey === key;
  return (
    <div className="save-search">
      {saved ? (
        <span data-testid="search-saved">
          ✓ {t('alerts.saved')} <Link to="/alerts">{t('alerts.title')}</Link>
        </span>
      ) : (
        <button
          type="button"
          className="btn btn-small btn-secondary"
          onClick={save}
          disabled={status === 'saving'}
          data-testid="save-search"
        >
          {status === 'saving' ? t('common.saving') : t('alerts.save')}
        </button>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
