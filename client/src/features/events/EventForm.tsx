import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TAXONOMY } from '@contract/taxonomy';
import { queryKeys } from '../../api/queryClient';
import { useLabels } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { FieldChoice } from './FieldChoice';
import { PeriodRows } from './PeriodRows';
import { checkEventForm, emptyEventForm, eventBodyOf, eventFormOf, type EventFormState } from './eventForm';
import { createEvent, updateEvent } from './eventsApi';
import type { FairEvent } from './eventTypes';

/**
 * The operator's form for a fair: dates, online or on site, themes, registration window, slots.
 * Given an event, it edits that one (the server refuses changes that would break scheduled meetings).
 */
export function EventForm({ event, onSaved }: { event?: FairEvent; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLabels();
  const queryClient = useQueryClient();
  const { formError, showIssues, showServerError, errorFor, clear } = useFormErrors();
  const [state, setState] = useState<EventFormState>(() => (event ? eventFormOf(event) : emptyEventForm()));
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof EventFormState>(key: K) =>
    (value: EventFormState[K]) =>
      setState((s) => ({ ...s, [key]: value }));
  type TextKey = Exclude<keyof EventFormState, 'online' | 'fields' | 'breaks' | 'description'>;
  const text = (key: TextKey) => ({
    id: `event-${key}`,
    name: key,
    value: state[key],
    onChange: set(key),
    error: errorFor(key),
  });
  const when = (key: 'startsAt' | 'endsAt' | 'registrationClosesAt') => ({
    ...text(key),
    label: t(`events.admin.${key}`),
    type: 'datetime-local' as const,
    required: true,
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const issues = checkEventForm(state);
    if (Object.keys(issues).length > 0) return showIssues(issues);
    setBusy(true);
    try {
      const saved = event
        ? await updateEvent(event.id, eventBodyOf(state))
        : await createEvent(eventBodyOf(state));
      clear();
      if (!event) setState(emptyEventForm());
      await queryClient.invalidateQueries({ queryKey: queryKeys.events });
      onSaved(saved.id);
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card event-form" onSubmit={submit} noValidate data-testid="event-form">
      <h2>{t(event ? 'events.admin.edit' : 'events.admin.create')}</h2>
      <TextField {...text('title')} label={t('events.admin.eventTitle')} maxLength={200} required />
      <TextField {...text('titleEn')} label={t('events.admin.titleEn')} maxLength={200} />
      <TextField
        id="event-description"
        name="description"
        label={t('events.admin.description')}
        value={state.description}
        onChange={set('description')}
        error={errorFor('description')}
        multiline
        rows={3}
      />
      <TextField {...when('startsAt')} />
      <TextField {...when('endsAt')} />
      <TextField {...when('registrationClosesAt')} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={state.online}
          onChange={(e) => set('online')(e.target.checked)}
          data-testid="event-online"
        />
        {t('events.admin.online')}
      </label>
      {!state.online && (
        <>
          <TextField {...text('venue')} label={t('events.admin.venue')} required />
          <TextField {...text('tables')} label={t('events.admin.tables')} inputMode="numeric" required />
        </>
      )}
      <TextField {...text('capacity')} label={t('events.admin.capacity')} inputMode="numeric" />
      <TextField {...text('slotMinutes')} label={t('events.admin.slotMinutes')} inputMode="numeric" />
      <FieldChoice
        options={TAXONOMY.map((f) => ({ value: f.code, label: f.label[locale] }))}
        value={state.fields}
        onChange={set('fields')}
        error={errorFor('fields')}
      />
      <PeriodRows
        id="event-breaks"
        legend={t('events.admin.breaks')}
        rows={state.breaks}
        onChange={set('breaks')}
      />
      <ErrorAlert error={formError} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="event-submit">
          {t(event ? 'events.admin.save' : 'events.admin.submit')}
        </button>
      </div>
    </form>
  );
}
