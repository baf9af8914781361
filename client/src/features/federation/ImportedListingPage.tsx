import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDate } from '../../dates';
import { useLabels } from '../../labels';
import { formatMoney } from '../../money';
import { KindBadge } from '../../ui/KindBadge';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth';
import { NotFoundPage } from '../layout';
import { federationKeys, getImportedListing } from './federationApi';
import { InquiryForm } from './InquiryForm';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/**
 * `/imported/:id`: a listing of a partner exchange, as imported here (read-only): what it offers
 * or seeks, its home exchange with a link to its page there, and the form to ask its owner.
 */
export function ImportedListingPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { user } = useAuth();
  const location = useLocation();
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: federationKeys.imported(id),
    queryFn: ({ signal }) => getImportedListing(id, signal),
  });
  const listing = query.data;
  useDocumentTitle(listing?.title);

  if (isApiError(query.error) && [400, 404].includes(query.error.status)) return <NotFoundPage />;
  if (query.error || !listing) return <QueryStatus query={query} />;

  const price =
    typeof listing.price === 'number' && listing.currency
      ? formatMoney(listing.price, listing.currency, labels.locale)
      : '';
  return (
    <article className="listing-page" data-testid="imported-listing-page" data-id={listing.id}>
      <header className="page-header">
        <p className="page-kicker">
          <KindBadge kind={listing.kind} />{' '}
          <span className="badge" data-testid="imported-origin">
            {t('federation.imported.origin', { code: listing.origin })}
          </span>
        </p>
        <h1 data-testid="listing-title">{listing.title}</h1>
        <p className="page-meta" data-testid="imported-home">
          {listing.organizationName && <>{listing.organizationName} · </>}
          {t('federation.search.home', { name: listing.home.name })} ·{' '}
          <a
            href={listing.home.url}
            rel="noopener noreferrer"
            target="_blank"
            data-testid="imported-home-link"
          >
            {t('federation.imported.openHome', { name: listing.home.name })}
          </a>
        </p>
      </header>
      <p className="muted">{t('federation.imported.readOnly', { name: listing.home.name })}</p>

      <div className="listing-layout">
        <div className="listing-main">
          {listing.summary && (
            <p className="lead" data-testid="listing-summary">
              {listing.summary}
            </p>
          )}
          {listing.body && (
            <section>
              <h2>{t('listing.description')}</h2>
              <div className="prose" data-testid="imported-body">
                {listing.body}
              </div>
            </section>
          )}
          <section className="card" data-testid="imported-inquiry">
            <h2 className="card-title">{t('federation.imported.askTitle')}</h2>
            {user?.organization?.verified ? (
              <InquiryForm listingId={listing.id} homeName={listing.home.name} startOpen />
            ) : user ? (
              <p className="muted">{t('federation.imported.verifiedOnly')}</p>
            ) : (
              <p className="muted">
                <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('login.title')}</Link>{' '}
                {t('federation.imported.signInToAsk')}
              </p>
            )}
          </section>
        </div>
        <aside className="listing-side">
          <div className="card">
            <dl className="details facts">
              <Fact label={t('listing.field')} testId="fact-field">
                {labels.field(listing.field)}
              </Fact>
              <Fact label={t('listing.subField')}>
                {listing.subField && labels.subField(listing.subField)}
              </Fact>
              <Fact
                label={listing.kind === 'demand' ? t('listing.minTrl') : t('listing.trl')}
                testId="fact-trl"
              >
                {listing.trl}
              </Fact>
              <Fact label={listing.kind === 'demand' ? t('listing.budget') : t('listing.price')}>
                {price}
              </Fact>
              <Fact label={t('listing.transferModes')}>
                {listing.transferModes.length
                  ? listing.transferModes.map((m) => labels.enumLabel('transferMode', m)).join(', ')
                  : undefined}
              </Fact>
              <Fact label={t('listing.province')}>
                {listing.province && labels.province(listing.province)}
              </Fact>
              <Fact label={t('listing.language')}>{labels.enumLabel('language', listing.language)}</Fact>
              <Fact label={t('listing.keywords')}>
                {listing.keywords.length ? listing.keywords.join(', ') : undefined}
              </Fact>
              <Fact label={t('listing.publishedAt')}>{formatDate(listing.publishedAt, labels.locale)}</Fact>
              <Fact label={t('federation.imported.importedAt')}>
                {formatDate(listing.importedAt, labels.locale)}
              </Fact>
            </dl>
          </div>
        </aside>
      </div>
    </article>
  );
}
