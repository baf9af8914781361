import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { formatMoney } from '../../money';
import type { SearchHit } from '../../types';
import { KindBadge } from '../../ui/KindBadge';
import { AppraisedBadge } from '../appraisals';
import { safeHighlight } from './searchQuery';

function priceText(hit: SearchHit, locale: string): string {
  return typeof hit.price === 'number' && hit.currency ? formatMoney(hit.price, hit.currency, locale) : '';
}

export function SearchHitCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const href = `/${hit.kind === 'demand' ? 'demands' : 'offers'}/${hit.id}`;
  const price = priceText(hit, labels.locale);
  const titleHtml = hit.highlight?.title;
  const summaryHtml = hit.highlight?.summary;
  const title = titleHtml ? (
    <span dangerouslySetInnerHTML={{ __html: safeHighlight(titleHtml) }} />
  ) : (
    hit.title
  );

  return (
    <li
      className={hit.thumbUrl ? 'hit card hit-with-thumb' : 'hit card'}
      data-testid="search-result"
      data-id={hit.id}
      data-kind={hit.kind}
    >
      {hit.thumbUrl && (
        <img
          className="hit-thumb"
          src={hit.thumbUrl}
          alt={hit.title}
          width={160}
          height={120}
          loading="lazy"
          data-testid="hit-thumb"
        />
      )}
      <div className="hit-head">
        <KindBadge kind={hit.kind} />
        <span className="hit-field">{labels.field(hit.field)}</span>
      </div>
      <h3 className="hit-title">
        {/* A partner exchange's listing: its page here, read-only, with the form to ask its owner. */}
        <Link to={hit.home ? `/imported/${hit.id}` : href} data-testid="search-hit">
          {title}
        </Link>
      </h3>
      {hit.home && (
        <p className="hit-home" data-testid="hit-home">
          <a href={hit.home.url} rel="noopener noreferrer" target="_blank">
            {t('federation.search.home', { name: hit.home.name })}
          </a>
        </p>
      )}
      {hit.appraisal && <AppraisedBadge appraisal={hit.appraisal} testId="hit-appraised" />}
      {summaryHtml ? (
        <p className="hit-summary" dangerouslySetInnerHTML={{ __html: safeHighlight(summaryHtml) }} />
      ) : (
        hit.summary && <p className="hit-summary">{hit.summary}</p>
      )}
      <ul className="hit-meta">
        {typeof hit.trl === 'number' && (
          <li>
            <span className="meta-label">
              {hit.kind === 'demand' ? t('listing.minTrl') : t('listing.trl')}
            </span>{' '}
            {hit.trl}
          </li>
        )}
        {hit.province && (
          <li>
            <span className="meta-label">{t('listing.province')}</span> {labels.province(hit.province)}
          </li>
        )}
        <li>
          <span className="meta-label">
            {hit.kind === 'demand' ? t('listing.budget') : t('listing.price')}
          </span>{' '}
          <span data-testid="hit-price">{price || '—'}</span>
        </li>
      </ul>
    </li>
  );
}
