import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { OutcomeForm } from '../../ui/OutcomeForm';
import { cancelDeal, walkAway } from './dealsApi';
import { CANCELLABLE_DEAL_STATUSES, type Deal } from './dealTypes';

/** Cancelling (a party or an operator) and walking away (a party, while negotiating), each saying why. */
export function DealActions({ deal, onChanged }: { deal: Deal; onChanged: (deal: Deal) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'none' | 'cancel' | 'walk'>('none');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const party = deal.myRole === 'seller' || deal.myRole === 'buyer';
  const mayCancel = (party || deal.myRole === 'admin') && CANCELLABLE_DEAL_STATUSES.includes(deal.status);
  const mayWalk = party && deal.status === 'negotiating';
  if (!mayCancel && !mayWalk) return null;

  async function run(action: () => Promise<Deal>) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      setMode('none');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="deal-actions">
      <h2 className="card-title">{t('deals.actions.title')}</h2>
      {mode === 'none' && (
        <div className="button-row">
          {mayCancel && (
            <button
              type="button"
              className="btn btn-small btn-danger-outline"
              onClick={() => setMode('cancel')}
              data-testid="cancel-deal"
            >
              {t('deals.actions.cancel')}
            </button>
          )}
          {mayWalk && (
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => setMode('walk')}
              data-testid="walk-away"
            >
              {t('deals.actions.walkAway')}
            </button>
          )}
        </div>
      )}
      {mode !== 'none' && (
        <OutcomeForm
          action={mode}
          targetId={deal.id}
          label={mode === 'cancel' ? t('outcome.cancelLabel') : t('outcome.walkLabel')}
          confirmLabel={mode === 'cancel' ? t('deals.actions.confirmCancel') : t('deals.actions.walkAway')}
          busy={busy}
          onSubmit={(outcome) =>
            void run(() => (mode === 'cancel' ? cancelDeal(deal.id, outcome) : walkAway(deal.id, outcome)))
          }
          onCancel={() => setMode('none')}
        />
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
