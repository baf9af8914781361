import type { FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FormField } from '../../ui/FormField';
import { TagInput } from '../../ui/TagInput';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { BasicsFields } from './form/BasicsFields';
import { ClassificationFields } from './form/ClassificationFields';
import { FormActions } from './form/FormActions';
import { IpFields } from './form/IpFields';
import { PricingFields } from './form/PricingFields';
import { TransferModesField } from './form/TransferModesField';
import { TrlSelect } from './form/TrlSelect';
import { listingHref } from './listingApi';
import { ListingFormGate } from './ListingFormGate';
import { ListingFormHeader } from './ListingFormHeader';
import { LONG_TEXT_MAX, SECTORS_MAX } from './listingRules';
import { emptyOfferValues, offerPayload, offerValuesOf, validateOffer } from './offerForm';
import { useListingForm, type ListingFormSpec } from './useListingForm';
import type { OfferValues } from './offerForm';

const OFFER_FORM: ListingFormSpec<'offer', OfferValues> = {
  kind: 'offer',
  empty: emptyOfferValues,
  valuesOf: offerValuesOf,
  validate: (values) => validateOffer(values),
  payload: offerPayload,
};

export function OfferFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const form = useListingForm(OFFER_FORM, id);
  const { values, set, errorFor, listing } = form;
  const title = id ? t('listingForm.editOffer') : t('listingForm.newOffer');
  useDocumentTitle(title);
  const sectorsError = errorFor('sectors');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void form.saveDraft();
  }

  return (
    <section className="listing-form-page">
      <ListingFormHeader title={title} listing={listing} />
      <ListingFormGate loading={form.loading} loadError={form.loadError} listing={listing}>
        <form className="listing-form" onSubmit={onSubmit} noValidate data-testid="offer-form">
          <ErrorAlert error={form.formError} />
          <BasicsFields idPrefix="offer" values={values} set={set} errorFor={errorFor}>
            <TextField
              id="offer-description"
              name="description"
              label={t('listing.description')}
              value={values.description}
              onChange={(v) => set('description', v)}
              error={errorFor('description')}
              maxLength={LONG_TEXT_MAX}
              multiline
              rows={10}
            />
          </BasicsFields>
          <ClassificationFields idPrefix="offer" values={values} set={set} errorFor={errorFor} />
          <fieldset>
            <legend>{t('listingForm.technology')}</legend>
            <TrlSelect
              id="offer-trl"
              name="trl"
              label={t('listing.trl')}
              value={values.trl}
              onChange={(v) => set('trl', v)}
              error={errorFor('trl')}
            />
            <IpFields idPrefix="offer" values={values} set={set} errorFor={errorFor} />
            <FormField
              id="offer-sectors"
              label={t('listing.sectors')}
              error={sectorsError}
              hint={t('listingForm.sectorsHint')}
            >
              <TagInput
                id="offer-sectors"
                name="sectors"
                values={values.sectors}
                onChange={(sectors) => set('sectors', sectors)}
                max={SECTORS_MAX}
                invalid={!!sectorsError}
                describedBy={describedBy('offer-sectors', sectorsError, true)}
              />
            </FormField>
          </fieldset>
          <TransferModesField idPrefix="offer" values={values} set={set} errorFor={errorFor} />
          <PricingFields idPrefix="offer" values={values} set={set} errorFor={errorFor} />
          <FormActions
            busy={form.busy}
            canSubmit={!listing || listing.status === 'draft'}
            revision={listing?.status === 'published'}
            cancelHref={listing ? listingHref('offer', listing.id) : '/my/listings'}
            onSaveDraft={() => void form.saveDraft()}
            onSubmit={() => void form.submitForReview()}
          />
        </form>
      </ListingFormGate>
    </section>
  );
}
