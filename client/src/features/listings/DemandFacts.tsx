import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { formatMoneyRange } from '../../money';
import type { Demand } from '../../types';
import { Fact } from './Fact';

export function DemandFacts({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { budget } = demand;
  return (
    <dl className="details facts">
      <Fact label={t('listing.minTrl')} testId="fact-min-trl">
        {demand.minTrl ? `${demand.minTrl} — ${t(`trl.${demand.minTrl}`)}` : undefined}
      </Fact>
      <Fact label={t('listing.budget')} testId="fact-budget">
        {budget &&
          (budget.min ?? budget.max) !== null &&
          formatMoneyRange(
            budget.min ?? budget.max!,
            budget.max ?? budget.min!,
            budget.currency,
            labels.locale,
          )}
      </Fact>
      <Fact label={t('listing.mode')} testId="fact-mode">
        {demand.mode && labels.enumLabel('demandMode', demand.mode)}
      </Fact>
      <Fact label={t('listing.deadline')} testId="fact-deadline">
        {formatDateTime(demand.deadline, labels.locale)}
      </Fact>
    </dl>
  );
}
