import { useTranslation } from 'react-i18next';
import { findField, TAXONOMY } from '@contract/taxonomy';
import { useLabels } from '../../../labels';
import { describedBy, FormField } from '../../../ui/FormField';
import { ProvinceSelect } from '../../../ui/ProvinceSelect';
import { TagInput } from '../../../ui/TagInput';
import { KEYWORDS_MAX } from '../listingRules';
import type { SectionProps } from './formProps';

/** Field and sub-field (whose choices depend on the field), keywords, language and province. */
export function ClassificationFields({ idPrefix, values, set, errorFor }: SectionProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const subFields = findField(values.field)?.subFields ?? [];
  const id = (name: string) => `${idPrefix}-${name}`;
  const err = {
    field: errorFor('field'),
    subField: errorFor('subField'),
    keywords: errorFor('keywords'),
    language: errorFor('language'),
    province: errorFor('province'),
  };

  function onFieldChange(field: string) {
    set('field', field);
    if (!findField(field)?.subFields.some((s) => s.code === values.subField)) set('subField', '');
  }

  return (
    <fieldset>
      <legend>{t('listingForm.classification')}</legend>
      <div className="form-row">
        <FormField id={id('field')} label={t('listing.field')} error={err.field} required>
          <select
            id={id('field')}
            name="field"
            value={values.field}
            onChange={(e) => onFieldChange(e.target.value)}
            aria-invalid={!!err.field || undefined}
            aria-describedby={describedBy(id('field'), err.field)}
          >
            <option value="">{t('form.choose')}</option>
            {TAXONOMY.map((f) => (
              <option key={f.code} value={f.code}>
                {labels.field(f.code)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id={id('subField')}
          label={t('listing.subField')}
          error={err.subField}
          hint={values.field ? undefined : t('listingForm.chooseFieldFirst')}
          required
        >
          <select
            id={id('subField')}
            name="subField"
            value={values.subField}
            disabled={!values.field}
            onChange={(e) => set('subField', e.target.value)}
            aria-invalid={!!err.subField || undefined}
            aria-describedby={describedBy(id('subField'), err.subField, !values.field)}
          >
            <option value="">{t('form.choose')}</option>
            {subFields.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label[labels.locale]}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField
        id={id('keywords')}
        label={t('listing.keywords')}
        error={err.keywords}
        hint={t('listingForm.keywordsHint', { max: KEYWORDS_MAX, used: values.keywords.length })}
      >
        <TagInput
          id={id('keywords')}
          name="keywords"
          values={values.keywords}
          onChange={(keywords) => set('keywords', keywords)}
          max={KEYWORDS_MAX}
          invalid={!!err.keywords}
          describedBy={describedBy(id('keywords'), err.keywords, true)}
        />
      </FormField>
      <div className="form-row">
        <FormField id={id('language')} label={t('listing.language')} error={err.language} required>
          <select
            id={id('language')}
            name="language"
            value={values.language}
            onChange={(e) => set('language', e.target.value === 'en' ? 'en' : 'vi')}
          >
            <option value="vi">{labels.enumLabel('language', 'vi')}</option>
            <option value="en">{labels.enumLabel('language', 'en')}</option>
          </select>
        </FormField>
        <FormField id={id('province')} label={t('listing.province')} error={err.province}>
          <ProvinceSelect
            id={id('province')}
            name="province"
            value={values.province}
            onChange={(province) => set('province', province)}
            invalid={!!err.province}
            describedBy={describedBy(id('province'), err.province)}
          />
        </FormField>
      </div>
    </fieldset>
  );
}
