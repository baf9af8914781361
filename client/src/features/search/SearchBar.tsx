import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchBarProps {
  initial: string;
  onSearch: (q: string) => void;
  id?: string;
  className?: string;
}

/** Re-mount it with `key={q}` so it shows the URL's query after back/forward. */
export function SearchBar({ initial, onSearch, id = 'search-q', className = 'search-bar' }: SearchBarProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initial);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onSearch(q.trim());
  }

  return (
    <form className={className} role="search" onSubmit={onSubmit}>
      <label htmlFor={id} className="visually-hidden">
        {t('search.inputLabel')}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('search.placeholder')}
        data-testid="search-input"
      />
      <button type="submit" className="btn btn-primary" data-testid="search-submit">
        {t('search.submit')}
      </button>
    </form>
  );
}
