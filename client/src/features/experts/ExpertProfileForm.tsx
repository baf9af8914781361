import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@contract/enums';
import { TAXONOMY } from '@contract/taxonomy';
import { useLabels } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FormField } from '../../ui/FormField';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { CheckboxGroup } from './CheckboxGroup';
import { ConflictsField } from './ConflictsField';
import { EXPERT_AVAILABILITIES, expertKeys, saveExpertProfile, type ExpertProfile } from './expertsApi';
import { profileBody, profileIssues, profileValues, type ProfileValues } from './profileForm';

/** An expert's profile as the directory shows it, and the organizations they may not appraise for. */
export function ExpertProfileForm({ profile }: { profile: ExpertProfile | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileValues>(() => profileValues(profile));
  const { formError, showIssues, showServerError, clear, errorFor } = useFormErrors();
  const save = useMutation({
    mutationFn: () => saveExpertProfile(profileBody(values)),
    onSuccess: (saved) => {
      clear();
      queryClient.setQueryData(expertKeys.mine, saved);
      void queryClient.invalidateQueries({ queryKey: expertKeys.all });
    },
    onError: showServerError,
  });
  function set<K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) {
    save.reset();
    setValues((v) => ({ ...v, [key]: value }));
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    const issues = profileIssues(values);
    if (Object.keys(issues).length) return showIssues(issues);
    save.mutate();
  }
  const subFieldOptions = TAXONOMY.filter((f) => values.fields.includes(f.code)).flatMap((f) =>
    f.subFields.map((s) => ({ value: s.code, label: labels.subField(s.code) })),
  );
  const availabilityError = errorFor('availability');
  return (
    <form className="card expert-profile-form" onSubmit={submit} noValidate data-testid="expert-profile-form">
      <ErrorAlert error={formError} />
      <CheckboxGroup
        id="expert-fields"
        legend={t('experts.fields')}
        options={TAXONOMY.map((f) => ({ value: f.code, label: labels.field(f.code) }))}
        value={values.fields}
        onChange={(v) => set('fields', v)}
        error={errorFor('fields')}
        required
      />
      {subFieldOptions.length > 0 && (
        <CheckboxGroup
          id="expert-sub-fields"
          legend={t('experts.subFields')}
          options={subFieldOptions}
          value={values.subFields}
          onChange={(v) => set('subFields', v)}
          error={errorFor('subFields')}
        />
      )}
      <TextField
        id="expert-affiliation"
        name="affiliation"
        label={t('experts.affiliation')}
        value={values.affiliation}
        onChange={(v) => set('affiliation', v)}
        error={errorFor('affiliation')}
        maxLength={200}
      />
      <TextField
        id="expert-credentials"
        name="credentials"
        label={t('experts.credentials')}
        hint={t('experts.profile.credentialsHint')}
        value={values.credentials}
        onChange={(v) => set('credentials', v)}
        error={errorFor('credentials')}
        maxLength={2000}
        multiline
        rows={3}
      />
      <CheckboxGroup
        id="expert-languages"
        legend={t('experts.languages')}
        options={LOCALES.map((l) => ({ value: l, label: labels.enumLabel('language', l) }))}
        value={values.languages}
        onChange={(v) => set('languages', v)}
        error={errorFor('languages')}
        required
      />
      <TextField
        id="expert-bio"
        name="bio"
        label={t('experts.bio')}
        value={values.bio}
        onChange={(v) => set('bio', v)}
        error={errorFor('bio')}
        maxLength={4000}
        multiline
      />
      <FormField id="expert-availability" label={t('experts.availabilityLabel')} error={availabilityError}>
        <select
          id="expert-availability"
          name="availability"
          value={values.availability}
          onChange={(e) => set('availability', e.target.value as ProfileValues['availability'])}
          aria-describedby={describedBy('expert-availability', availabilityError)}
          data-testid="expert-availability-select"
        >
          {EXPERT_AVAILABILITIES.map((a) => (
            <option key={a} value={a}>
              {t(`experts.availability.${a}`)}
            </option>
          ))}
        </select>
      </FormField>
      <ConflictsField
        value={values.conflicts}
        onChange={(v) => set('conflicts', v)}
        error={errorFor('conflicts')}
      />
      {save.isSuccess && (
        <Notice tone="success" testId="expert-profile-saved">
          {t('experts.profile.saved')}
        </Notice>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.isPending}
          data-testid="expert-profile-save"
        >
          {save.isPending ? t('common.saving') : t('experts.profile.save')}
        </button>
      </div>
    </form>
  );
}
