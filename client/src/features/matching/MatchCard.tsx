import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { listingHref } from '../listings';
import { isImported, type Match, type ReasonEffect } from './matchingApi';

const EFFECT_MARK: Record<ReasonEffect, string> = { positive: '✓', neutral: '•', negative: '✗' };

/**
 * One matched listing: its title, how well it fits, and why. A partner exchange's listing links
 * to its read-only page here (`/imported/:id`) and names its home exchange.
 */
export function MatchCard({ match }: { match: Match }) {
  const { t } = useTranslation();
  const { field, province } = useLabels();
  const listing = match.offer ?? match.demand;
  if (!listing) return null;
  const percent = Math.round(match.score * 100);
  const imported = isImported(listing) ? listing : null;
  const href = imported
    ? `/imported/${encodeURIComponent(listing.id)}`
    : listingHref(listing.kind ?? (match.offer ? 'offer' : 'demand'), listing.id);
  const organizationName = isImported(listing) ? listing.organizationName : listing.organization?.name;
  const reasons =
    match.reasonDetails ?? match.reasons.map((text) => ({ code: '', effect: 'neutral' as const, text }));
  return (
    <li className="match-card" data-testid="match" data-id={listing.id} data-score={match.score}>
      <div className="match-head">
        <Link to={href} className="match-title">
          {listing.title}
        </Link>
        {imported && (
          <span className="match-origin" data-testid="match-origin" data-origin={imported.origin}>
            {t('matching.fromPartner', { name: imported.partnerName })}
          </span>
        )}
        <span className="match-score" title={t('matching.scoreTitle')} data-testid="match-score">
          {t('matching.score', { percent })}
        </span>
      </div>
      <div className="match-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="muted match-meta">
        {[organizationName, field(listing.field), listing.province && province(listing.province)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <ul className="match-reasons" aria-label={t('matching.reasons')}>
        {reasons.map((r, i) => (
          <li key={i} className={`reason reason-${r.effect}`} data-testid="match-reason">
            <span aria-hidden="true">{EFFECT_MARK[r.effect]}</span> {r.text}
          </li>
        ))}
      </ul>
    </li>
  );
}
