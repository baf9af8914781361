import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { isoToLocalInput } from '../../dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { ListingChoice } from './ListingChoice';
import { PeriodRows } from './PeriodRows';
import { periodsOf, type PeriodRow } from './periodRows';
import { registerForEvent } from './eventsApi';
import type { EventRole, FairEvent } from './eventTypes';

/** Registers the user's organization as an exhibitor or a visitor, with when it is free to meet. */
export function RegistrationForm({ event }: { event: FairEvent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { formError, showIssues, showServerError, errorFor } = useFormErrors();
  const [role, setRole] = useState<EventRole>('visitor');
  const [listingIds, setListingIds] = useState<string[]>([]);
  const [pitch, setPitch] = useState('');
  const [lookingFor, setLookingFor] = useState('');
  const [rows, setRows] = useState<PeriodRow[]>([
    { from: isoToLocalInput(event.startsAt), to: isoToLocalInput(event.endsAt) },
  ]);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const availability = periodsOf(rows);
    const issues = {
      ...(availability.length === 0 ? { availability: { key: 'atLeastOne' } } : {}),
      ...(role === 'exhibitor' && listingIds.length === 0 ? { listingIds: { key: 'atLeastOne' } } : {}),
    };
    if (Object.keys(issues).length > 0) return showIssues(issues);
    setBusy(true);
    try {
      await registerForEvent(event.id, {
        role,
        ...(role === 'exhibitor' ? { listingIds, pitch } : {}),
        lookingFor,
        availability,
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.event(event.id) });
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="registration-form card" onSubmit={submit} noValidate data-testid="registration-form">
      <h2>{t('events.register.title')}</h2>
      <fieldset className="radio-group">
        <legend>{t('events.register.role')}</legend>
        {(['exhibitor', 'visitor'] as const).map((r) => (
          <label key={r} className="radio">
            <input
              type="radio"
              name="role"
              value={r}
              checked={role === r}
              onChange={() => setRole(r)}
              data-testid={`registration-role-${r}`}
            />
            {t(`events.role.${r}`)}
          </label>
        ))}
      </fieldset>
      {role === 'exhibitor' && (
        <>
          <ListingChoice value={listingIds} onChange={setListingIds} error={errorFor('listingIds')} />
          <TextField
            id="registration-pitch"
            name="pitch"
            label={t('events.register.pitch')}
            value={pitch}
            onChange={setPitch}
            error={errorFor('pitch')}
            maxLength={2000}
            multiline
            rows={3}
          />
        </>
      )}
      <TextField
        id="registration-looking-for"
        name="lookingFor"
        label={t('events.register.lookingFor')}
        value={lookingFor}
        onChange={setLookingFor}
        error={errorFor('lookingFor')}
        maxLength={2000}
        multiline
        rows={3}
      />
      <PeriodRows
        id="registration-availability"
        legend={t('events.register.availability')}
        rows={rows}
        onChange={setRows}
        error={errorFor('availability')}
        required
      />
      <ErrorAlert error={formError} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="registration-submit">
          {t('events.register.submit')}
        </button>
      </div>
    </form>
  );
}
