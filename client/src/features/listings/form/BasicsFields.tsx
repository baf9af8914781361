import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/TextField';
import { SUMMARY_MAX, TITLE_MAX } from '../listingRules';
import type { SectionProps } from './formProps';

/** Title and summary, then the listing's own long texts (`children`). */
export function BasicsFields({
  idPrefix,
  values,
  set,
  errorFor,
  children,
}: SectionProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('listingForm.basics')}</legend>
      <TextField
        id={`${idPrefix}-title`}
        name="title"
        label={t('listing.title')}
        value={values.title}
        onChange={(v) => set('title', v)}
        error={errorFor('title')}
        maxLength={TITLE_MAX}
        required
      />
      <TextField
        id={`${idPrefix}-summary`}
        name="summary"
        label={t('listing.summary')}
        value={values.summary}
        onChange={(v) => set('summary', v)}
        error={errorFor('summary')}
        maxLength={SUMMARY_MAX}
        multiline
        rows={3}
      />
      {children}
    </fieldset>
  );
}
