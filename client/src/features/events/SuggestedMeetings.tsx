import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useLabels } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { listingHref } from '../listings';
import { requestMeeting } from './eventsApi';
import { meetingSuggestions, type Suggestion, type SuggestionMatch } from './programmeApi';

type Side = SuggestionMatch['mine'];

function SideText({ side }: { side: Side }) {
  const { t } = useTranslation();
  if (side.listing)
    return (
      <>
        <span className="badge">{t(`enum.listingKind.${side.listing.kind}`)}</span>{' '}
        <Link to={listingHref(side.listing.kind, side.listing.id)}>{side.listing.title}</Link>
      </>
    );
  return <q>{side.lookingFor}</q>;
}

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** One suggested organisation: why it matches and a one-click meeting request about the matching listing. */
function SuggestionCard({
  eventId,
  suggestion,
  canMeet,
}: {
  eventId: string;
  suggestion: Suggestion;
  canMeet: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const orgId = suggestion.organization.id;
  const best = suggestion.matches[0];
  const about = [best.mine, best.theirs].find((s) => s.listing?.id === suggestion.meetingListingId)?.listing;

  async function ask() {
    setBusy(true);
    setError(null);
    try {
      await requestMeeting(eventId, {
        withOrganizationId: orgId,
        message: about
          ? t('events.suggestions.messageAbout', { title: about.title })
          : t('events.suggestions.message'),
        ...(suggestion.meetingListingId ? { listingId: suggestion.meetingListingId } : {}),
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.eventAgenda(eventId) }),
        queryClient.invalidateQueries({ queryKey: ['events', eventId, 'suggestions'] }),
      ]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card suggestion" data-testid={`suggestion-${orgId}`}>
      <h3 className="item-title">
        <Link to={`/organizations/${orgId}`}>{suggestion.organization.name}</Link>{' '}
        <span className="badge">{t(`events.role.${suggestion.role}`)}</span>{' '}
        <span className="muted" data-testid="suggestion-score">
          {t('events.suggestions.score', { score: percent(suggestion.score) })}
        </span>
      </h3>
      <ul className="suggestion-matches">
        {suggestion.matches.map((m, i) => (
          <li key={i} data-testid="suggestion-match">
            <SideText side={m.mine} /> ↔ <SideText side={m.theirs} />{' '}
            <span className="muted">({percent(m.score)})</span>
            {m.reasons.length > 0 && (
              <ul className="suggestion-reasons">
                {m.reasons.map((r) => (
                  <li key={r.code} className={`reason-${r.effect}`}>
                    {r.text}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {suggestion.openMeeting ? (
        <p className="muted" data-testid="suggestion-open-meeting">
          {t(`events.suggestions.open.${suggestion.openMeeting.status}`)}
        </p>
      ) : (
        canMeet && (
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={ask}
            disabled={busy}
            data-testid={`suggestion-request-${orgId}`}
          >
            {about
              ? t('events.suggestions.requestAbout', { title: about.title })
              : t('events.meeting.request')}
          </button>
        )
      )}
      <ErrorAlert error={error} />
    </li>
  );
}

/** An approved participant's suggested meetings, from the matching, best first. */
export function SuggestedMeetings({ eventId, canMeet }: { eventId: string; canMeet: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLabels();
  const query = useQuery({
    queryKey: queryKeys.eventSuggestions(eventId, locale),
    queryFn: ({ signal }) => meetingSuggestions(eventId, locale, signal),
  });
  const suggestions = query.data?.suggestions;
  return (
    <section className="suggested-meetings" data-testid="suggested-meetings">
      <h2>{t('events.suggestions.title')}</h2>
      <p className="muted">{t('events.suggestions.intro')}</p>
      <QueryStatus query={query} />
      {suggestions?.length === 0 && <p className="empty-state">{t('events.suggestions.empty')}</p>}
      {suggestions && suggestions.length > 0 && (
        <ul className="suggestions">
          {suggestions.map((s) => (
            <SuggestionCard key={s.organization.id} eventId={eventId} suggestion={s} canMeet={canMeet} />
          ))}
        </ul>
      )}
    </section>
  );
}
