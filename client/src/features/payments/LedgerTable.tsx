import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { getLedger } from './paymentsApi';
import { ResponsiveTable } from '../../ui/ResponsiveTable';

/** The deal's money record, for its parties and operators (others see nothing here). */
export function LedgerTable({ dealId, version }: { dealId: string; version: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery({
    queryKey: [...queryKeys.dealLedger(dealId), version],
    queryFn: ({ signal }) => getLedger(dealId, signal),
  });
  // The ledger is extra: when it cannot be read, the deal shows without it.
  const entries = query.isError ? null : query.data;

  if (!entries || entries.length === 0) return null;
  return (
    <details className="ledger" data-testid="ledger">
      <summary>{t('payments.ledger.title')}</summary>
      <ResponsiveTable>
        <thead>
          <tr>
            <th scope="col">{t('payments.ledger.at')}</th>
            <th scope="col">{t('payments.ledger.kind')}</th>
            <th scope="col">{t('payments.payer')}</th>
            <th scope="col">{t('payments.amount')}</th>
            <th scope="col">{t('payments.provider')}</th>
            <th scope="col">{t('payments.reference')}</th>
            <th scope="col">{t('payments.ledger.by')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid={`ledger-${e.kind}`}>
              <td>{formatDateTime(e.at, locale)}</td>
              <td>{t(`payments.ledger.kinds.${e.kind}`)}</td>
              <td>{t(`payments.payers.${e.payer}`)}</td>
              <td>{formatMoney(e.amount, e.currency, locale)}</td>
              <td>{t(`payments.providers.${e.provider}`)}</td>
              <td>
                <code>{e.reference}</code>
              </td>
              <td>
                {t(`payments.ledger.sources.${e.source}`)}
                {e.note && <div className="row-note">{e.note}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </ResponsiveTable>
    </details>
  );
}
