import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LISTING_STATUSES, type ListingStatus } from '@contract/enums';
import { useLabels } from '../../labels';
import type { Demand, Offer } from '../../types';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth';
import { listMine } from './listingApi';
import { MyListingsTable } from './MyListingsTable';

interface Mine {
  offers: Offer[];
  offersTotal: number;
  demands: Demand[];
  demandsTotal: number;
}

function asStatus(value: string | null): ListingStatus | undefined {
  return (LISTING_STATUSES as readonly string[]).includes(value ?? '') ? (value as ListingStatus) : undefined;
}

export function MyListingsPage() {
  const { t } = useTranslation();
  const { enumLabel } = useLabels();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const status = asStatus(params.get('status'));
  const [notice, setNotice] = useState<'submitted' | 'withdrawn' | null>(null);
  useDocumentTitle(t('nav.myListings'));
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.myListings(status),
    queryFn: async ({ signal }): Promise<Mine> => {
      const [offers, demands] = await Promise.all([
        listMine('offer', status, signal),
        listMine('demand', status, signal),
      ]);
      return {
        offers: offers.items,
        offersTotal: offers.total,
        demands: demands.items,
        demandsTotal: demands.total,
      };
    },
  });
  const mine = query.data;

  const onChanged = (change: 'submitted' | 'withdrawn') => {
    setNotice(change);
    void queryClient.invalidateQueries({ queryKey: queryKeys.myListings(status) });
  };

  return (
    <section>
      <header className="page-header row">
        <h1>{t('nav.myListings')}</h1>
        {user?.organization && (
          <div className="button-row">
            <Link to="/offers/new" className="btn btn-primary" data-testid="new-offer">
              {t('listingForm.newOffer')}
            </Link>
            <Link to="/demands/new" className="btn btn-secondary" data-testid="new-demand">
              {t('listingForm.newDemand')}
            </Link>
          </div>
        )}
      </header>
      {!user?.organization && <Notice tone="warning">{t('listingForm.needsOrganization')}</Notice>}
      <div className="toolbar">
        <label>
          <span>{t('listing.status')}</span>
          <select
            name="status"
            value={status ?? ''}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
            data-testid="status-filter"
          >
            <option value="">{t('search.all')}</option>
            {LISTING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {enumLabel('listingStatus', s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {notice && (
        <Notice tone="success" testId={`notice-${notice}`}>
          {t(`listing.notices.${notice}`)}
        </Notice>
      )}
      <QueryStatus query={query} />
      {mine && (
        <>
          <h2>
            {t('my.offers')} <span className="count">({mine.offersTotal})</span>
          </h2>
          {mine.offers.length ? (
            <MyListingsTable
              caption={t('my.offers')}
              listings={mine.offers}
              onChanged={onChanged}
              testId="my-offers"
            />
          ) : (
            <p className="muted" data-testid="my-offers-empty">
              {t('my.noOffers')}
            </p>
          )}
          <h2>
            {t('my.demands')} <span className="count">({mine.demandsTotal})</span>
          </h2>
          {mine.demands.length ? (
            <MyListingsTable
              caption={t('my.demands')}
              listings={mine.demands}
              onChanged={onChanged}
              testId="my-demands"
            />
          ) : (
            <p className="muted" data-testid="my-demands-empty">
              {t('my.noDemands')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
