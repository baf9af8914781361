import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_VISIBILITIES, type CapabilityVisibility } from '@contract/capability-criteria';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import { saveAssessment, type Assessment } from './capabilityApi';

/** What the public directory shows of the assessment: nothing, the level, or the scores too. */
export function VisibilityForm({
  orgId,
  assessment,
  onSaved,
}: {
  orgId: string;
  assessment: Assessment;
  onSaved: (assessment: Assessment) => void;
}) {
  const { t } = useTranslation();
  const [visibility, setVisibility] = useState<CapabilityVisibility>(assessment.visibility);
  const save = useMutation({
    mutationFn: () => saveAssessment(orgId, { sector: assessment.sector, visibility }),
    onSuccess: onSaved,
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <form className="card capability-visibility" onSubmit={submit} data-testid="capability-visibility">
      <fieldset>
        <legend>
          <h2>{t('capability.visibility.title')}</h2>
        </legend>
        <p className="field-hint">{t('capability.visibility.hint')}</p>
        {CAPABILITY_VISIBILITIES.map((v) => (
          <label key={v} className="capability-choice">
            <input
              type="radio"
              name="visibility"
              value={v}
              checked={visibility === v}
              onChange={() => {
                save.reset();
                setVisibility(v);
              }}
              data-testid={`capability-visibility-${v}`}
            />
            {t(`capability.visibility.${v}`)}
          </label>
        ))}
      </fieldset>
      <ErrorAlert error={save.error} />
      {save.isSuccess && <Notice tone="success">{t('capability.visibility.saved')}</Notice>}
      <button
        type="submit"
        className="btn btn-secondary"
        disabled={save.isPending}
        data-testid="capability-visibility-save"
      >
        {save.isPending ? t('common.saving') : t('capability.visibility.save')}
      </button>
    </form>
  );
}
