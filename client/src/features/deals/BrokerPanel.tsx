import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { assignBroker, brokerCandidates, removeBroker } from './dealsApi';
import { OPEN_DEAL_STATUSES, type Deal } from './dealTypes';

/**
 * The deal's broker; while the deal is open an operator assigns or removes one, and a party
 * proposes one, who takes part once the other party names the same broker (agrees).
 */
export function BrokerPanel({ deal, onChanged }: { deal: Deal; onChanged: (deal: Deal) => void }) {
  const { t } = useTranslation();
  const manages =
    ['seller', 'buyer', 'admin'].includes(deal.myRole) && OPEN_DEAL_STATUSES.includes(deal.status);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setError] = useState<unknown>(null);
  const query = useQuery({
    queryKey: queryKeys.brokerCandidates(deal.id),
    queryFn: ({ signal }) => brokerCandidates(deal.id, signal),
    enabled: manages,
  });
  const candidates = query.data;
  // Candidates are read only while the viewer manages the broker (a deal that just ended refuses them).
  const error = actionError ?? (manages ? query.error : null);
  const proposal = deal.brokerProposal;
  const isParty = deal.myRole === 'seller' || deal.myRole === 'buyer';
  const proposalRole = proposal ? t(`negotiation.roles.${proposal.role}`) : '';

  async function run(action: () => Promise<Deal>) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="broker-panel">
      <h2 className="card-title">{t('deals.brokerPanel.title')}</h2>
      <p data-testid="deal-broker">{deal.broker ? deal.broker.name : t('deals.noBroker')}</p>
      {proposal && (
        <div data-testid="broker-proposal">
          <p>{t('deals.brokerPanel.proposed', { role: proposalRole, name: proposal.name })}</p>
          {manages && isParty && proposal.role !== deal.myRole && (
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={busy}
              onClick={() => void run(() => assignBroker(deal.id, proposal.userId))}
              data-testid="agree-broker"
            >
              {t('deals.brokerPanel.agree', { name: proposal.name })}
            </button>
          )}
          {manages && !deal.broker && (proposal.role === deal.myRole || deal.myRole === 'admin') && (
            <button
              type="button"
              className="btn btn-small btn-danger-outline"
              disabled={busy}
              onClick={() => void run(() => removeBroker(deal.id))}
              data-testid="withdraw-broker-proposal"
            >
              {t('deals.brokerPanel.withdraw')}
            </button>
          )}
        </div>
      )}
      {manages && deal.broker && (
        <button
          type="button"
          className="btn btn-small btn-danger-outline"
          disabled={busy}
          onClick={() => void run(() => removeBroker(deal.id))}
        >
          {t('deals.brokerPanel.remove')}
        </button>
      )}
      {manages && candidates && candidates.length === 0 && (
        <p className="muted">{t('deals.brokerPanel.noCandidates')}</p>
      )}
      {manages && candidates && candidates.length > 0 && (
        <div className="form-row compact">
          <label htmlFor="broker-choice">{t('deals.brokerPanel.choose')}</label>
          <select
            id="broker-choice"
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            data-testid="broker-choice"
          >
            <option value="" />
            {candidates.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
                {b.organization ? ` — ${b.organization.name}` : ''}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small btn-secondary"
            disabled={busy || !chosen}
            onClick={() => void run(() => assignBroker(deal.id, chosen))}
            data-testid="assign-broker"
          >
            {t(isParty ? 'deals.brokerPanel.propose' : 'deals.brokerPanel.assign')}
          </button>
        </div>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
