import { useTranslation } from 'react-i18next';
import { formatDate } from '../../dates';
import { useLabels } from '../../labels';
import type { Listing } from '../../types';
import { Fact } from './Fact';
import { TagList } from './TagList';

export function CommonFacts({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <dl className="details facts">
      <Fact label={t('listing.field')} testId="fact-field">
        {labels.field(listing.field)}
      </Fact>
      <Fact label={t('listing.subField')} testId="fact-sub-field">
        {listing.subField && labels.subField(listing.subField)}
      </Fact>
      <Fact label={t('listing.transferModes')} testId="fact-transfer-modes">
        {listing.transferModes?.length
          ? listing.transferModes.map((m) => labels.enumLabel('transferMode', m)).join(', ')
          : undefined}
      </Fact>
      <Fact label={t('listing.province')} testId="fact-province">
        {listing.province && labels.province(listing.province)}
      </Fact>
      <Fact label={t('listing.language')}>
        {listing.language && labels.enumLabel('language', listing.language)}
      </Fact>
      <Fact label={t('listing.keywords')}>
        {listing.keywords?.length ? <TagList items={listing.keywords} testId="fact-keywords" /> : undefined}
      </Fact>
      <Fact label={t('listing.publishedAt')}>{formatDate(listing.publishedAt, labels.locale)}</Fact>
      <Fact label={t('listing.updatedAt')}>{formatDate(listing.updatedAt, labels.locale)}</Fact>
      <Fact label={t('listing.createdAt')}>{formatDate(listing.createdAt, labels.locale)}</Fact>
    </dl>
  );
}
