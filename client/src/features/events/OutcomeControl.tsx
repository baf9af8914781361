import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_OUTCOMES } from '@contract/enums';
import type { Meeting, MeetingOutcome } from './eventTypes';

/** What came of a meeting that has started, as recorded by the user's organization (may be replaced). */
export function OutcomeControl({
  meeting,
  myOrgId,
  busy,
  onRecord,
}: {
  meeting: Meeting;
  myOrgId: string;
  busy: boolean;
  onRecord: (outcome: MeetingOutcome, note: string) => void;
}) {
  const { t } = useTranslation();
  const mine = meeting.outcomes.find((o) => o.organizationId === myOrgId);
  const [outcome, setOutcome] = useState<MeetingOutcome>(mine?.outcome ?? 'follow_up');
  const [note, setNote] = useState(mine?.note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRecord(outcome, note.trim());
  };
  const selectId = `outcome-${meeting.id}`;
  return (
    <form className="outcome-control" onSubmit={submit} data-testid="outcome-form">
      {mine && (
        <p data-testid="outcome-recorded" data-outcome={mine.outcome}>
          {t('events.outcome.recorded')}: <strong>{t(`events.outcome.${mine.outcome}`)}</strong>
        </p>
      )}
      <label htmlFor={selectId}>{t('events.outcome.label')}</label>
      <select
        id={selectId}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as MeetingOutcome)}
        data-testid="outcome-select"
      >
        {MEETING_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`events.outcome.${o}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${selectId}-note`}>{t('events.outcome.note')}</label>
      <input id={`${selectId}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
      <button
        type="submit"
        className="btn btn-secondary btn-small"
        disabled={busy}
        data-testid="outcome-submit"
      >
        {t('events.outcome.save')}
      </button>
    </form>
  );
}
