import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { isoToLocalInput, localInputToIso } from '../../dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/TextField';
import { useRefreshingAction } from '../../ui/useRefreshingAction';
import { SessionFacts } from './ProgrammeList';
import type { FairEvent, Registration } from './eventTypes';
import {
  addSession,
  changeSession,
  eventProgramme,
  removeSession,
  type NewSession,
  type ProgrammeSession,
} from './programmeApi';

interface SessionFormState {
  title: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  online: boolean;
  room: string;
  speakerOrganizationId: string;
  listingId: string;
}

const formOf = (s: ProgrammeSession | undefined, event: FairEvent): SessionFormState => ({
  title: s?.title ?? '',
  titleEn: s?.titleEn ?? '',
  startsAt: isoToLocalInput(s?.startsAt ?? event.startsAt),
  endsAt: isoToLocalInput(s?.endsAt ?? ''),
  online: s?.online ?? event.online,
  room: s?.room ?? '',
  speakerOrganizationId: s?.speaker.id ?? '',
  listingId: s?.listing?.id ?? '',
});

function bodyOf(f: SessionFormState): NewSession {
  return {
    title: f.title.trim(),
    ...(f.titleEn.trim() ? { titleEn: f.titleEn.trim() } : {}),
    startsAt: localInputToIso(f.startsAt) ?? f.startsAt,
    endsAt: localInputToIso(f.endsAt) ?? f.endsAt,
    online: f.online,
    ...(f.online ? {} : { room: f.room.trim() }),
    speakerOrganizationId: f.speakerOrganizationId,
    ...(f.listingId ? { listingId: f.listingId } : {}),
  };
}

/** Adds or changes a session; the speaker is one of the event's approved participants. */
function SessionForm({
  event,
  session,
  speakers,
  onDone,
}: {
  event: FairEvent;
  session?: ProgrammeSession;
  speakers: Registration[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useRefreshingAction(queryKeys.eventProgramme(event.id));
  const [f, setF] = useState(() => formOf(session, event));
  const set = (change: Partial<SessionFormState>) => setF((prev) => ({ ...prev, ...change }));
  const speaker = speakers.find((r) => r.organization.id === f.speakerOrganizationId);
  const prefix = session ? `session-${session.id}` : 'session-new';

  async function submit(e: FormEvent) {
    e.preventDefault();
    let ok = false;
    await run(async () => {
      const body = bodyOf(f);
      if (session)
        await changeSession(event.id, session.id, {
          ...body,
          titleEn: body.titleEn ?? null,
          listingId: body.listingId ?? null,
          ...(f.online ? {} : { room: body.room }),
        });
      else await addSession(event.id, body);
      ok = true;
    });
    if (ok) onDone();
  }

  return (
    <form className="session-form" onSubmit={submit} data-testid={`${prefix}-form`}>
      <TextField
        id={`${prefix}-title`}
        name="title"
        label={t('events.programme.sessionTitle')}
        value={f.title}
        onChange={(title) => set({ title })}
        maxLength={200}
        required
      />
      <TextField
        id={`${prefix}-title-en`}
        name="titleEn"
        label={t('events.programme.sessionTitleEn')}
        value={f.titleEn}
        onChange={(titleEn) => set({ titleEn })}
        maxLength={200}
      />
      <div className="period-row">
        <label>
          {t('events.from')}
          <input
            type="datetime-local"
            value={f.startsAt}
            onChange={(e) => set({ startsAt: e.target.value })}
            required
            data-testid={`${prefix}-starts`}
          />
        </label>
        <label>
          {t('events.to')}
          <input
            type="datetime-local"
            value={f.endsAt}
            onChange={(e) => set({ endsAt: e.target.value })}
            required
            data-testid={`${prefix}-ends`}
          />
        </label>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={f.online}
          onChange={(e) => set({ online: e.target.checked })}
          data-testid={`${prefix}-online`}
        />{' '}
        {t('events.programme.online')}
      </label>
      {!f.online && (
        <TextField
          id={`${prefix}-room`}
          name="room"
          label={t('events.programme.room')}
          value={f.room}
          onChange={(room) => set({ room })}
          maxLength={100}
          required
        />
      )}
      <div className="form-field">
        <label htmlFor={`${prefix}-speaker`}>{t('events.programme.speaker')}</label>
        <select
          id={`${prefix}-speaker`}
          value={f.speakerOrganizationId}
          onChange={(e) => set({ speakerOrganizationId: e.target.value, listingId: '' })}
          required
          data-testid={`${prefix}-speaker`}
        >
          <option value="">{t('events.programme.chooseSpeaker')}</option>
          {session && !speaker && <option value={session.speaker.id}>{session.speaker.name}</option>}
          {speakers.map((r) => (
            <option key={r.organization.id} value={r.organization.id}>
              {r.organization.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${prefix}-listing`}>{t('events.programme.listing')}</label>
        <select
          id={`${prefix}-listing`}
          value={f.listingId}
          onChange={(e) => set({ listingId: e.target.value })}
          data-testid={`${prefix}-listing`}
        >
          <option value="">{t('events.programme.noListing')}</option>
          {session?.listing && !speaker?.listings.some((l) => l.id === session.listing?.id) && (
            <option value={session.listing.id}>{session.listing.title}</option>
          )}
          {(speaker?.listings ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid={`${prefix}-save`}>
          {t('events.programme.save')}
        </button>
      </div>
    </form>
  );
}

/** Operators' programme of the event: its sessions, each to change or remove, and a new one. */
export function ProgrammeEditor({ event, speakers }: { event: FairEvent; speakers: Registration[] }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: queryKeys.eventProgramme(event.id),
    queryFn: ({ signal }) => eventProgramme(event.id, signal),
  });
  const removal = useRefreshingAction(queryKeys.eventProgramme(event.id));
  const [editing, setEditing] = useState<string | null>(null);
  const open = event.status !== 'cancelled';
  const sessions = query.data?.sessions;
  return (
    <section className="programme-editor" data-testid="programme-editor">
      <h2>{t('events.programme.title')}</h2>
      <QueryStatus query={query} />
      {sessions?.length === 0 && <p className="empty-state">{t('events.programme.empty')}</p>}
      {sessions && sessions.length > 0 && (
        <ol className="programme-sessions">
          {sessions.map((s) => (
            <li key={s.id} data-testid={`session-${s.id}`}>
              {editing === s.id ? (
                <SessionForm event={event} session={s} speakers={speakers} onDone={() => setEditing(null)} />
              ) : (
                <>
                  <SessionFacts session={s} />
                  {open && (
                    <div className="page-links">
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        onClick={() => setEditing(s.id)}
                        data-testid={`session-edit-${s.id}`}
                      >
                        {t('events.programme.edit')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-danger-outline btn-small"
                        disabled={removal.busy}
                        onClick={() => removal.run(() => removeSession(event.id, s.id))}
                        data-testid={`session-remove-${s.id}`}
                      >
                        {t('events.programme.remove')}
                      </button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <ErrorAlert error={removal.error} />
      {open &&
        (editing === 'new' ? (
          <SessionForm event={event} speakers={speakers} onDone={() => setEditing(null)} />
        ) : (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => setEditing('new')}
            data-testid="session-add"
          >
            {t('events.programme.add')}
          </button>
        ))}
    </section>
  );
}
