import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { describedBy } from '../../ui/FormField';
import { VerifiedBadge } from '../../ui/VerifiedBadge';
import { findJoinableOrganizations, type DirectoryEntry } from './organizationsApi';

/** Characters typed before the directory is asked (as the server's `joinable` search). */
const MIN_QUERY = 2;
const DEBOUNCE_MS = 250;

interface OrganizationPickerProps {
  id: string;
  value: DirectoryEntry | null;
  onChange: (org: DirectoryEntry | null) => void;
  error?: string;
}

/**
 * Finds an organization by its name as one types (a combobox with a listbox of results: name,
 * kind, province, verification) and hands the chosen one to `onChange`.
 */
export function OrganizationPicker({ id, value, onChange, error }: OrganizationPickerProps) {
  const { t } = useTranslation();
  const { enumLabel, province } = useLabels();
  const listId = useId();
  const [text, setText] = useState('');
  const [results, setResults] = useState<DirectoryEntry[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const query = text.trim();

  useEffect(() => {
    if (value || query.length < MIN_QUERY) {
      setResults(null);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    const timer = window.setTimeout(() => {
      findJoinableOrganizations(query, controller.signal).then(
        (found) => {
          setResults(found);
          setFailed(false);
          setActive(found.length ? 0 : -1);
          setOpen(true);
          setSearching(false);
        },
        () => {
          if (controller.signal.aborted) return;
          setResults(null);
          setFailed(true);
          setSearching(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, value]);

  function choose(org: DirectoryEntry) {
    onChange(org);
    setOpen(false);
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = results?.length ?? 0;
    if (event.key === 'ArrowDown' && count) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % count);
    } else if (event.key === 'ArrowUp' && count) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? count - 1 : i - 1));
    } else if (event.key === 'Enter' && open && results && active >= 0 && results[active]) {
      event.preventDefault();
      choose(results[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  if (value) {
    return (
      <div className="organization-chosen" data-testid="org-chosen">
        <p id={id} tabIndex={-1}>
          <strong data-testid="org-chosen-name">{value.name}</strong> ·{' '}
          {enumLabel('organizationKind', value.kind)}
          {value.province ? ` · ${province(value.province)}` : ''} <VerifiedBadge verified={value.verified} />
        </p>
        <p className="field-hint">{t('register.joinPendingHint')}</p>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange(null)}
          data-testid="org-change"
        >
          {t('register.changeOrganization')}
        </button>
      </div>
    );
  }

  const expanded = open && results !== null;
  const status = searching
    ? t('register.orgSearching')
    : failed
      ? t('register.orgSearchFailed')
      : results && results.length === 0
        ? t('register.orgNoResults')
        : results
          ? t('register.orgResults', { count: results.length })
          : query.length > 0 && query.length < MIN_QUERY
            ? t('register.orgTypeMore', { min: MIN_QUERY })
            : '';

  return (
    <div className="combobox">
      <input
        id={id}
        name="organizationSearch"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={!!error || undefined}
        aria-describedby={[describedBy(id, error, true), `${id}-status`].filter(Boolean).join(' ')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
        data-testid="org-search"
      />
      <p id={`${id}-status`} className="field-hint" aria-live="polite" data-testid="org-search-status">
        {status}
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label={t('register.orgResultsLabel')}
        className="combobox-list"
        hidden={!expanded || !results?.length}
        data-testid="org-results"
      >
        {(results ?? []).map((org, i) => (
          <li
            key={org.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(org)}
            data-testid="org-option"
            data-id={org.id}
          >
            <strong>{org.name}</strong>
            <span className="muted">
              {' '}
              · {enumLabel('organizationKind', org.kind)}
              {org.province ? ` · ${province(org.province)}` : ''}
            </span>{' '}
            <VerifiedBadge verified={org.verified} />
          </li>
        ))}
      </ul>
    </div>
  );
}
