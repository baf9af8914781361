import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface TagInputProps {
  id: string;
  name: string;
  values: string[];
  onChange: (values: string[]) => void;
  max?: number;
  placeholder?: string;
  describedBy?: string;
  invalid?: boolean;
}

/** Free-text tags: Enter or comma adds what was typed, leaving the field adds it too, × removes one. */
export function TagInput({
  id,
  name,
  values,
  onChange,
  max,
  placeholder,
  describedBy,
  invalid,
}: TagInputProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const full = max !== undefined && values.length >= max;

  function commit(text: string) {
    const additions = text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && !values.some((v) => v.toLowerCase() === s.toLowerCase()));
    if (additions.length) onChange([...values, ...additions]);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      if (draft.trim()) commit(draft);
    } else if (event.key === 'Backspace' && !draft && values.length) {
      onChange(values.slice(0, -1));
    }
  }

  return (
    <div className={`tag-input${invalid ? ' is-invalid' : ''}`}>
      <ul className="tag-list" aria-label={t('form.tagsAdded')}>
        {values.map((value) => (
          <li key={value} className="tag" data-testid={`tag-${name}`}>
            <span>{value}</span>
            <button
              type="button"
              className="tag-remove"
              aria-label={t('form.removeTag', { tag: value })}
              onClick={() => onChange(values.filter((v) => v !== value))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        name={name}
        value={draft}
        disabled={full}
        placeholder={full ? t('form.tagsFull', { max }) : placeholder}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => (e.target.value.includes(',') ? commit(e.target.value) : setDraft(e.target.value))}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && commit(draft)}
      />
    </div>
  );
}
