import { useTranslation } from 'react-i18next';
import { CAPABILITY_GROUPS } from '@contract/capability-criteria';
import type { Answers } from './capabilityApi';
import { groupProgress } from './groupProgress';
import { useCapabilityLabels } from './useCapabilityLabels';

/** The five groups as steps, each with how many criteria are answered and the points so far. */
export function GroupSteps({
  answers,
  current,
  onChoose,
}: {
  answers: Answers;
  current: number;
  onChoose: (step: number) => void;
}) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  return (
    <nav aria-label={t('capability.steps')}>
      <ol className="capability-steps">
        {CAPABILITY_GROUPS.map((g, i) => {
          const p = groupProgress(g, answers);
          const done = p.answered === p.criteria;
          return (
            <li key={g} className={`${i === current ? 'current' : ''}${done ? ' done' : ''}`}>
              <button
                type="button"
                onClick={() => onChoose(i)}
                aria-current={i === current ? 'step' : undefined}
                data-testid={`capability-step-${g}`}
              >
                <strong>{labels.group(g)}</strong>
                <span data-testid={`capability-step-progress-${g}`}>
                  {t('capability.answeredOf', { answered: p.answered, total: p.criteria })} ·{' '}
                  {t('capability.pointsOf', { score: labels.points(p.points), max: p.max })}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
