import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { listMine } from '../listings';

/** An exhibitor's choice among its organization's published offers and demands. */
export function ListingChoice({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: queryKeys.publishedListingsMine,
    queryFn: async ({ signal }) => {
      const [offers, demands] = await Promise.all([
        listMine('offer', 'published', signal),
        listMine('demand', 'published', signal),
      ]);
      return [...offers.items, ...demands.items];
    },
  });
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset className={`checkbox-group${error ? ' has-error' : ''}`} data-testid="registration-listings">
      <legend>
        {t('events.register.listings')}
        <span className="required-mark"> *</span>
      </legend>
      <QueryStatus query={query} />
      {query.data?.length === 0 && <p className="muted">{t('events.register.noListings')}</p>}
      {query.data?.map((listing) => (
        <label key={listing.id} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(listing.id)}
            onChange={(e) => toggle(listing.id, e.target.checked)}
            data-testid={`registration-listing-${listing.id}`}
          />
          {listing.title}
        </label>
      ))}
      {error && (
        <p className="field-error" role="alert" data-testid="error-registration-listings">
          {error}
        </p>
      )}
    </fieldset>
  );
}
