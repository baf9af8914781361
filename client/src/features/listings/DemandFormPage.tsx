import type { FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import {
  demandPayload,
  demandValuesOf,
  emptyDemandValues,
  validateDemand,
  type DemandValues,
} from './demandForm';
import { BudgetFields } from './form/BudgetFields';
import { BasicsFields } from './form/BasicsFields';
import { ClassificationFields } from './form/ClassificationFields';
import { DemandModeFields } from './form/DemandModeFields';
import { FormActions } from './form/FormActions';
import { TransferModesField } from './form/TransferModesField';
import { TrlSelect } from './form/TrlSelect';
import { listingHref } from './listingApi';
import { ListingFormGate } from './ListingFormGate';
import { ListingFormHeader } from './ListingFormHeader';
import { LONG_TEXT_MAX } from './listingRules';
import { useListingForm, type ListingFormSpec } from './useListingForm';

const DEMAND_FORM: ListingFormSpec<'demand', DemandValues> = {
  kind: 'demand',
  empty: emptyDemandValues,
  valuesOf: demandValuesOf,
  validate: (values) => validateDemand(values),
  payload: demandPayload,
};

export function DemandFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const form = useListingForm(DEMAND_FORM, id);
  const { values, set, errorFor, listing } = form;
  const title = id ? t('listingForm.editDemand') : t('listingForm.newDemand');
  useDocumentTitle(title);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void form.saveDraft();
  }

  return (
    <section className="listing-form-page">
      <ListingFormHeader title={title} listing={listing} />
      <ListingFormGate loading={form.loading} loadError={form.loadError} listing={listing}>
        <form className="listing-form" onSubmit={onSubmit} noValidate data-testid="demand-form">
          <ErrorAlert error={form.formError} />
          <BasicsFields idPrefix="demand" values={values} set={set} errorFor={errorFor}>
            <TextField
              id="demand-problem"
              name="problem"
              label={t('listing.problem')}
              value={values.problem}
              onChange={(v) => set('problem', v)}
              error={errorFor('problem')}
              maxLength={LONG_TEXT_MAX}
              multiline
              rows={8}
            />
            <TextField
              id="demand-desiredOutcome"
              name="desiredOutcome"
              label={t('listing.desiredOutcome')}
              value={values.desiredOutcome}
              onChange={(v) => set('desiredOutcome', v)}
              error={errorFor('desiredOutcome')}
              maxLength={LONG_TEXT_MAX}
              multiline
              rows={5}
            />
          </BasicsFields>
          <ClassificationFields idPrefix="demand" values={values} set={set} errorFor={errorFor} />
          <fieldset>
            <legend>{t('listingForm.requirements')}</legend>
            <TrlSelect
              id="demand-minTrl"
              name="minTrl"
              label={t('listing.minTrl')}
              value={values.minTrl}
              onChange={(v) => set('minTrl', v)}
              error={errorFor('minTrl')}
            />
          </fieldset>
          <TransferModesField idPrefix="demand" values={values} set={set} errorFor={errorFor} />
          <BudgetFields idPrefix="demand" values={values} set={set} errorFor={errorFor} />
          <DemandModeFields idPrefix="demand" values={values} set={set} errorFor={errorFor} />
          <FormActions
            busy={form.busy}
            canSubmit={!listing || listing.status === 'draft'}
            revision={listing?.status === 'published'}
            cancelHref={listing ? listingHref('demand', listing.id) : '/my/listings'}
            onSaveDraft={() => void form.saveDraft()}
            onSubmit={() => void form.submitForReview()}
          />
        </form>
      </ListingFormGate>
    </section>
  );
}
