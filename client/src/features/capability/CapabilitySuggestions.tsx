import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_GROUP_INFO } from '@contract/capability-criteria';
import { QueryStatus } from '../../api/QueryStatus';
import { useLabels } from '../../labels';
import {
  capabilityKeys,
  capabilitySuggestions,
  type GroupSuggestion,
  type Sector,
  type SuggestedExpert,
} from './capabilityApi';
import { useCapabilityLabels } from './useCapabilityLabels';

/** For a complete assessment: its weakest groups, why, and offers in the sector that would raise each. */
export function CapabilitySuggestions({ orgId, sector }: { orgId: string; sector: Sector }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: capabilityKeys.suggestions(orgId, sector),
    queryFn: ({ signal }) => capabilitySuggestions(orgId, sector, signal),
  });
  const suggestions = query.data?.suggestions;
  const experts = query.data?.experts ?? [];
  return (
    <section
      className="card capability-suggestions"
      data-testid="capability-suggestions"
      aria-labelledby="capability-suggestions-title"
    >
      <h2 id="capability-suggestions-title">{t('capability.suggestions.title')}</h2>
      <p className="muted">{t('capability.suggestions.intro')}</p>
      <QueryStatus query={query} />
      {suggestions?.length === 0 && (
        <p data-testid="capability-suggestions-empty">{t('capability.suggestions.none')}</p>
      )}
      {suggestions?.map((s) => (
        <GroupSuggestions key={s.group} suggestion={s} />
      ))}
      {experts.length > 0 && <SuggestedExperts experts={experts} />}
    </section>
  );
}

function GroupSuggestions({ suggestion: s }: { suggestion: GroupSuggestion }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const capability = useCapabilityLabels();
  const mode = labels.enumLabel('transferMode', s.transferMode).toLocaleLowerCase(labels.locale);
  return (
    <div className="capability-suggestion" data-testid={`capability-suggestion-${s.group}`}>
      <h3>{capability.group(s.group)}</h3>
      <p data-testid={`capability-suggestion-reason-${s.group}`}>
        {t('capability.suggestions.reason', {
          letter: s.group,
          name: capability.text(CAPABILITY_GROUP_INFO[s.group].label),
          score: capability.points(s.score),
          max: s.max,
          mode,
        })}
      </p>
      {s.offers.length === 0 ? (
        <p className="muted" data-testid={`capability-suggestion-empty-${s.group}`}>
          {t('capability.suggestions.noOffers')}
        </p>
      ) : (
        <ul className="capability-suggestion-offers">
          {s.offers.map((o) => (
            <li key={o.id}>
              <Link to={`/offers/${o.id}`} data-testid="capability-suggested-offer" data-id={o.id}>
                {o.title}
              </Link>{' '}
              <span className="badge" title={t(`trl.${o.trl}`, { defaultValue: '' })}>
                {t('capability.suggestions.trl', { trl: o.trl })}
              </span>
              {o.summary && <p className="muted">{o.summary}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Experts of the sector's fields who could assess the enterprise and advise it (never one in conflict with it). */
function SuggestedExperts({ experts }: { experts: SuggestedExpert[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <div className="capability-suggestion" data-testid="capability-suggested-experts">
      <h3>{t('capability.suggestions.expertsTitle')}</h3>
      <ul className="capability-suggestion-offers">
        {experts.map((e) => (
          <li key={e.id} data-testid="capability-suggested-expert">
            <strong>{e.name}</strong>
            {e.affiliation && <> · {e.affiliation}</>}
            <span className="muted">
              {' '}
              ({e.fields.map((f) => labels.field(f)).join(', ')}
              {e.availability === 'busy' ? ` · ${t('capability.suggestions.expertBusy')}` : ''})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
