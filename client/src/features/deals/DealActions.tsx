import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { cancelDeal, walkAway } from './dealsApi';
import { OPEN_DEAL_STATUSES, type Deal } from './dealTypes';

/** Cancelling (a party or an operator, with a reason) and walking away (a party, while negotiating). */
export function DealActions({ deal, onChanged }: { deal: Deal; onChanged: (deal: Deal) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'none' | 'cancel' | 'walk'>('none');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const party = deal.myRole === 'seller' || deal.myRole === 'buyer';
  const mayCancel = (party || deal.myRole === 'admin') && OPEN_DEAL_STATUSES.includes(deal.status);
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
      {mode === 'cancel' && (
        <div>
          <label htmlFor="cancel-reason">{t('deals.actions.cancelReason')}</label>
          <textarea
            id="cancel-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="cancel-reason"
          />
          <div className="button-row">
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={busy || !reason.trim()}
              onClick={() => void run(() => cancelDeal(deal.id, reason.trim()))}
              data-testid="confirm-cancel"
            >
              {t('deals.actions.confirmCancel')}
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setMode('none')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {mode === 'walk' && (
        <div>
          <p>{t('deals.actions.confirmWalkAway')}</p>
          <div className="button-row">
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={busy}
              onClick={() => void run(() => walkAway(deal.id))}
              data-testid="confirm-walk-away"
            >
              {t('common.yes')}
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setMode('none')}>
              {t('common.no')}
            </button>
          </div>
        </div>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
