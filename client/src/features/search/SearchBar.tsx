import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchBarProps {
  initial: string;
  onSearch: (q: string) => void;
}

/** Re-mount it with `key={q}` so it shows the URL's query after back/forward. */
export function SearchBar({ initial, onSearch }: SearchBarProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initial);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onSearch(q.trim());
  }

  return (
    <form className="search-bar" role="search" onSubmit={onSubmit}>
      <label htmlFor="search-q" className="visually-hidden">
        {t('search.inputLabel')}
      </label>
      <input
        id="search-q"
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
