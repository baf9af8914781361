import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDate } from '../../dates';
import { useLocale } from '../../labels';
import {
  dealSteps,
  deliveryProgress,
  nextAction,
  plannedMilestones,
  type DealStep,
  type DeliveryProgress,
} from './dealProgress';
import type { Deal } from './dealTypes';
import { useDeliveryPlan } from './useDeliveryPlan';

/**
 * The top of the deal page: what the viewer does next, then the deal's steps as an ordered list
 * whose current step carries `aria-current="step"`. While delivering it names the milestone being
 * delivered, then, once every milestone is accepted, how many are settled (paid for, confirmed
 * received, their fees paid).
 */
export function DealStepper({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const milestones = useDeliveryPlan(deal).data?.milestones;
  const steps = dealSteps(deal, milestones);
  const progress = deliveryProgress(milestones);
  const next = nextAction(deal, milestones);
  const current = steps.find((s) => s.state === 'current');
  return (
    <section
      className="card deal-stepper"
      data-testid="deal-stepper"
      data-step={current?.key}
      data-milestone={deal.status === 'delivering' ? progress?.current : undefined}
      data-milestones={progress?.total}
      data-phase={deal.status === 'delivering' ? progress?.phase : undefined}
      aria-labelledby="deal-stepper-title"
    >
      <h2 className="visually-hidden" id="deal-stepper-title">
        {t('deals.stepper.title')}
      </h2>
      <p
        className={`deal-next-action${next.mine ? ' mine' : ''}`}
        data-testid="deal-next-action"
        data-next={next.key}
        data-mine={next.mine ? 'true' : 'false'}
      >
        {t(`deals.stepper.next.${next.key}`, {
          n: next.n,
          title: next.title,
          version: next.version,
          k: next.k,
          total: next.total,
          date: formatDate(next.autoAcceptAt, locale),
        })}
      </p>
      <ol className="deal-steps">
        {steps.map((step) => (
          <li
            key={step.key}
            className={`deal-step deal-step-${step.state}`}
            data-testid={`deal-step-${step.key}`}
            data-state={step.state}
            aria-current={step.state === 'current' ? 'step' : undefined}
          >
            <span className="deal-step-label">
              {stepLabel(step, progress, plannedMilestones(deal), deal.status === 'closed_won', t)}
            </span>
            <span className="visually-hidden"> ({t(`deals.stepper.states.${step.state}`)})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function stepLabel(
  step: DealStep,
  progress: DeliveryProgress | null,
  planned: number,
  won: boolean,
  t: TFunction,
): string {
  if (step.key !== 'delivering') return t(`deals.stepper.steps.${step.key}`);
  if (progress && step.state === 'current' && progress.phase !== 'delivering')
    return t('deals.stepper.steps.settlingAt', { settled: progress.settled, total: progress.total });
  if (progress && step.state === 'current')
    return t('deals.stepper.steps.deliveringAt', { k: progress.current, total: progress.total });
  // A won deal has every milestone settled, whatever a plan read a moment before its close says.
  if (progress && step.state === 'done')
    return t('deals.stepper.steps.delivered', {
      settled: won ? progress.total : progress.settled,
      total: progress.total,
    });
  const total = progress?.total ?? planned;
  return total
    ? t('deals.stepper.steps.deliveringPlanned', { count: total })
    : t('deals.stepper.steps.delivering');
}
