import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_GROUPS } from '@contract/capability-criteria';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import {
  saveAssessment,
  type Answers,
  type Assessment,
  type CapabilitySave,
  type Sector,
} from './capabilityApi';
import { CriterionQuestion } from './CriterionQuestion';
import { GroupSteps } from './GroupSteps';
import { criteriaOf, groupProgress } from './groupProgress';
import { useCapabilityLabels } from './useCapabilityLabels';

/** The first group with a criterion left to answer (the first group when all are answered). */
function firstOpenStep(answers: Answers): number {
  const open = CAPABILITY_GROUPS.findIndex((g) => {
    const p = groupProgress(g, answers);
    return p.answered < p.criteria;
  });
  return open === -1 ? 0 : open;
}

/**
 * The questionnaire, one step per group: each step's answers are saved with "Save and continue"
 * (save and resume: the saved answers are where a later visit starts).
 */
export function CapabilityQuestionnaire({
  orgId,
  sector,
  saved,
  onSaved,
  onFinished,
}: {
  orgId: string;
  sector: Sector;
  saved: Assessment | null;
  onSaved: (assessment: Assessment) => void;
  onFinished: () => void;
}) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  const [answers, setAnswers] = useState<Answers>(() => ({ ...(saved?.answers ?? {}) }));
  const [step, setStep] = useState(() => firstOpenStep(saved?.answers ?? {}));
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const save = useMutation({
    mutationFn: (body: CapabilitySave) => saveAssessment(orgId, body),
    onSuccess: onSaved,
  });
  const group = CAPABILITY_GROUPS[step];
  const last = step === CAPABILITY_GROUPS.length - 1;
  const progress = groupProgress(group, answers);

  useEffect(() => {
    // A new step takes the focus to its heading (not on the first showing of the page).
    if (!moved.current) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [step]);

  function goTo(next: number) {
    moved.current = true;
    save.reset();
    setStep(next);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const groupAnswers = Object.fromEntries(
      criteriaOf(group).flatMap((c) => (answers[c.code] === undefined ? [] : [[c.code, answers[c.code]!]])),
    );
    save.mutate(
      { sector, answers: groupAnswers },
      { onSuccess: () => (last ? onFinished() : goTo(step + 1)) },
    );
  }

  return (
    <section className="capability-questionnaire" aria-labelledby="capability-group-heading">
      <GroupSteps answers={answers} current={step} onChoose={goTo} />
      <form onSubmit={submit} className="card" data-testid={`capability-group-${group}`}>
        <p className="muted">{t('capability.step', { n: step + 1, count: CAPABILITY_GROUPS.length })}</p>
        <h2 id="capability-group-heading" ref={heading} tabIndex={-1}>
          {labels.group(group)}
        </h2>
        <p data-testid="capability-group-progress">
          {t('capability.answeredOf', { answered: progress.answered, total: progress.criteria })} ·{' '}
          {t('capability.pointsOf', { score: labels.points(progress.points), max: progress.max })}
        </p>
        {criteriaOf(group).map((c) => (
          <CriterionQuestion
            key={c.code}
            criterion={c}
            value={answers[c.code]}
            onChange={(band) => setAnswers((a) => ({ ...a, [c.code]: band }))}
          />
        ))}
        <ErrorAlert error={save.error} />
        {save.isSuccess && last && <Notice tone="success">{t('capability.saved')}</Notice>}
        <div className="button-row">
          {step > 0 && (
            <button type="button" className="btn btn-secondary" onClick={() => goTo(step - 1)}>
              {t('capability.previousGroup')}
            </button>
          )}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={save.isPending}
            data-testid="capability-save"
          >
            {save.isPending
              ? t('common.saving')
              : last
                ? t('capability.saveAndFinish')
                : t('capability.saveAndContinue')}
          </button>
        </div>
      </form>
    </section>
  );
}
