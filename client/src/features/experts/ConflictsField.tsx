import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { getOrganization, type DirectoryEntry } from '../organizations';
import { useOrganizationSearch } from './useOrganizationSearch';

/**
 * The organizations an expert declares a conflict of interest with (never assigned to their
 * requests): the chosen ones by name, each removable, and a search by name to add another.
 */
export function ConflictsField({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Record<string, string>>({});
  const { enabled, search, minQuery } = useOrganizationSearch(text);
  // The names of conflicts saved before (only their ids are kept); an id stays when none is found.
  const names = useQueries({
    queries: value
      .filter((id) => !picked[id])
      .map((id) => ({
        queryKey: queryKeys.organization(id),
        queryFn: ({ signal }: { signal: AbortSignal }) => getOrganization(id, signal),
        retry: false,
      })),
  });
  const nameOf = (id: string) => picked[id] ?? names.find((q) => q.data?.id === id)?.data?.name ?? id;
  function add(org: DirectoryEntry) {
    setPicked((p) => ({ ...p, [org.id]: org.name }));
    if (!value.includes(org.id)) onChange([...value, org.id]);
    setText('');
  }
  const results = enabled ? (search.data ?? []).filter((o) => !value.includes(o.id)) : [];
  const status = !enabled
    ? text.trim()
      ? t('register.orgTypeMore', { min: minQuery })
      : ''
    : search.isPending
      ? t('register.orgSearching')
      : search.isError
        ? t('register.orgSearchFailed')
        : results.length === 0
          ? t('register.orgNoResults')
          : t('register.orgResults', { count: results.length });
  return (
    <fieldset className={`checkbox-group${error ? ' has-error' : ''}`} data-testid="expert-conflicts">
      <legend>{t('experts.profile.conflicts')}</legend>
      <p className="field-hint" id="expert-conflicts-hint">
        {t('experts.profile.conflictsHint')}
      </p>
      {value.length === 0 ? (
        <p className="muted" data-testid="expert-conflicts-none">
          {t('experts.profile.noConflicts')}
        </p>
      ) : (
        <ul className="conflict-list" data-testid="expert-conflict-list">
          {value.map((id) => (
            <li key={id} data-testid={`expert-conflict-${id}`}>
              <strong>{nameOf(id)}</strong>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => onChange(value.filter((v) => v !== id))}
                aria-label={t('experts.profile.removeConflict', { name: nameOf(id) })}
                data-testid={`expert-conflict-remove-${id}`}
              >
                {t('experts.profile.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor="expert-conflict-search">{t('experts.profile.conflictSearch')}</label>
      <input
        id="expert-conflict-search"
        type="search"
        autoComplete="off"
        value={text}
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
        aria-describedby="expert-conflicts-hint expert-conflict-status"
        data-testid="expert-conflict-search"
      />
      <p id="expert-conflict-status" className="field-hint" aria-live="polite">
        {status}
      </p>
      {results.length > 0 && (
        <ul className="conflict-list" data-testid="expert-conflict-results">
          {results.map((org) => (
            <li key={org.id}>
              <span>{org.name}</span>
              <button
                type="button"
                className="btn btn-small btn-secondary"
                onClick={() => add(org)}
                aria-label={t('experts.profile.addConflict', { name: org.name })}
                data-testid={`expert-conflict-add-${org.id}`}
              >
                {t('experts.profile.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="error-expert-conflicts">
          {error}
        </p>
      )}
    </fieldset>
  );
}
