import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { Notice } from '../../ui/Notice';
import type { BidListing } from './bidTypes';

/** The listing's deadline and what sealing means for the viewer. */
export function DeadlineNotice({
  listing,
  sealed,
  owner,
}: {
  listing: BidListing;
  sealed: boolean;
  owner: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const deadline = formatDateTime(listing.deadline, locale);
  const passed =
    !!listing.closedAt || (!!listing.deadline && new Date(listing.deadline).getTime() <= Date.now());
  return (
    <div className="deadline-notice" data-testid="bid-deadline" data-sealed={sealed ? 'true' : 'false'}>
      {listing.deadline && <p className="muted">{t('bids.deadline', { deadline })}</p>}
      {passed && (
        <Notice tone="info" testId="bids-closed">
          {t('bids.closed')}
        </Notice>
      )}
      {listing.awarded && (
        <Notice tone="info" testId="bids-awarded">
          {t('bids.awarded')}
        </Notice>
      )}
      {sealed && (
        <Notice tone="warning" testId="bids-sealed">
          {owner ? t('bids.sealedForOwner', { deadline }) : t('bids.sealedForBidder')}
        </Notice>
      )}
    </div>
  );
}
