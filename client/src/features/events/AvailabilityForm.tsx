import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { isoToLocalInput } from '../../dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFormErrors } from '../../ui/useFormErrors';
import { PeriodRows } from './PeriodRows';
import { periodsOf, type PeriodRow } from './periodRows';
import { changeAvailability } from './eventsApi';
import type { Registration } from './eventTypes';

/**
 * The organization restates when it is free to meet. The server refuses (409 naming
 * `availability`) a change that would leave a scheduled meeting outside; the message says so.
 */
export function AvailabilityForm({
  registration,
  onDone,
}: {
  registration: Registration;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { formError, showIssues, showServerError, errorFor } = useFormErrors();
  const [rows, setRows] = useState<PeriodRow[]>(() =>
    registration.availability.map((p) => ({ from: isoToLocalInput(p.from), to: isoToLocalInput(p.to) })),
  );
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const availability = periodsOf(rows);
    if (availability.length === 0) return showIssues({ availability: { key: 'atLeastOne' } });
    setBusy(true);
    try {
      await changeAvailability(registration.eventId, availability);
      await queryClient.invalidateQueries({ queryKey: queryKeys.event(registration.eventId) });
      onDone();
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="availability-form" onSubmit={submit} noValidate data-testid="availability-form">
      <PeriodRows
        id="availability-change"
        legend={t('events.register.availability')}
        rows={rows}
        onChange={setRows}
        error={errorFor('availability')}
        required
      />
      <ErrorAlert error={formError} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="availability-submit">
          {t('events.register.saveAvailability')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('events.register.closeAvailability')}
        </button>
      </div>
    </form>
  );
}
