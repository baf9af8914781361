import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ListingBidsPanel } from './ListingBidsPanel';

/** `/offers/:id/bids` and `/demands/:id/proposals`: the bids of one listing on a page of their own. */
export function ListingBidsPage({ kind }: { kind: ListingKind }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const title = kind === 'offer' ? t('bids.bidsTitle') : t('bids.proposalsTitle');
  useDocumentTitle(title);
  return (
    <section>
      <p className="page-links">
        <Link to={`/${kind}s/${id}`}>← {t('bids.backToListing')}</Link>
      </p>
      <h1>{title}</h1>
      <ListingBidsPanel kind={kind} id={id} />
    </section>
  );
}
