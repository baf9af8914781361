import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FormField } from '../../ui/FormField';
import { Notice } from '../../ui/Notice';
import { ProvinceSelect } from '../../ui/ProvinceSelect';
import { useFormErrors } from '../../ui/useFormErrors';
import { checkText, type Issues } from '../../validation';
import { useAuth } from '../auth';
import { updateOrganization, type OrganizationPatch, type OrganizationProfile } from './organizationsApi';

/**
 * The organization's administrators edit its profile. A verified organization that takes a new
 * name goes back to the operators for verification: the form says so as soon as the name changes.
 */
export function OrganizationProfileForm({
  org,
  onSaved,
}: {
  org: OrganizationProfile;
  onSaved: (org: OrganizationProfile) => void;
}) {
  const { t } = useTranslation();
  const { refresh } = useAuth();
  const [name, setName] = useState(org.name);
  const [province, setProvince] = useState(org.province ?? '');
  const [website, setWebsite] = useState(org.website ?? '');
  const [description, setDescription] = useState(org.description);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'reverification' | null>(null);
  const { formError, showIssues, showServerError, clear, errorFor } = useFormErrors();
  const renaming = name.trim() !== org.name;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const issues: Issues = {};
    checkText(issues, 'name', name, { required: true, min: 2, max: 200 });
    checkText(issues, 'description', description, { max: 5000 });
    if (Object.keys(issues).length) {
      showIssues(issues);
      return;
    }
    const patch: OrganizationPatch = {};
    if (renaming) patch.name = name.trim();
    if (province && province !== (org.province ?? ''))
      patch.province = province as OrganizationPatch['province'];
    if (website.trim() !== (org.website ?? '')) patch.website = website.trim();
    if (description !== org.description) patch.description = description;
    if (Object.keys(patch).length === 0) return;
    clear();
    setBusy(true);
    setSaved(null);
    try {
      const updated = await updateOrganization(org.id, patch);
      setSaved(org.verified && !updated.verified ? 'reverification' : 'saved');
      onSaved(updated);
      await refresh();
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  const err = {
    name: errorFor('name'),
    province: errorFor('province'),
    website: errorFor('website'),
    description: errorFor('description'),
  };

  return (
    <section className="card">
      <h2>{t('organizationPage.editTitle')}</h2>
      <form onSubmit={onSubmit} noValidate data-testid="organization-form">
        <ErrorAlert error={formError} />
        {saved && (
          <Notice tone={saved === 'saved' ? 'success' : 'warning'} testId={`organization-${saved}`}>
            {t(`organizationPage.${saved}`)}
          </Notice>
        )}
        <FormField id="org-edit-name" label={t('organization.name')} error={err.name} required>
          <input
            id="org-edit-name"
            name="name"
            autoComplete="organization"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!err.name || undefined}
            aria-describedby={
              [
                describedBy('org-edit-name', err.name),
                renaming && org.verified ? 'org-edit-name-warning' : '',
              ]
                .filter(Boolean)
                .join(' ') || undefined
            }
          />
        </FormField>
        {renaming && org.verified && (
          <div className="alert alert-warning" id="org-edit-name-warning" data-testid="rename-warning">
            {t('organizationPage.renameWarning')}
          </div>
        )}
        <FormField id="org-edit-province" label={t('organization.province')} error={err.province}>
          <ProvinceSelect
            id="org-edit-province"
            name="province"
            value={province}
            onChange={setProvince}
            invalid={!!err.province}
            describedBy={describedBy('org-edit-province', err.province)}
          />
        </FormField>
        <FormField id="org-edit-website" label={t('organizationPage.website')} error={err.website}>
          <input
            id="org-edit-website"
            name="website"
            type="url"
            inputMode="url"
            placeholder="https://"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
            aria-invalid={!!err.website || undefined}
            aria-describedby={describedBy('org-edit-website', err.website)}
          />
        </FormField>
        <FormField
          id="org-edit-description"
          label={t('organizationPage.description')}
          error={err.description}
        >
          <textarea
            id="org-edit-description"
            name="description"
            rows={5}
            maxLength={5000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-invalid={!!err.description || undefined}
            aria-describedby={describedBy('org-edit-description', err.description)}
          />
        </FormField>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="organization-save">
            {busy ? t('common.saving') : t('organizationPage.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
