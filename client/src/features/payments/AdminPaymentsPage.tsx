import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AdminPaymentRow } from './AdminPaymentRow';
import { listPayments, type AdminPayment, type Payment, type PaymentStatus } from './paymentsApi';
import { ResponsiveTable } from '../../ui/ResponsiveTable';

const FILTERS = ['pending', 'paid', 'refunded', 'failed', 'all', 'surplus_refund'] as const;
type Filter = (typeof FILTERS)[number];
/** The filters that are not a status: what waits for an operator (`?attention=`). */
const ATTENTION: readonly Filter[] = ['surplus_refund'];

function paramsOf(filter: Filter): Record<string, string> {
  if (filter === 'pending') return {};
  return ATTENTION.includes(filter) ? { attention: filter } : { status: filter };
}

/**
 * `/admin/payments`: operators confirm bank transfers (of deals' and appraisals' fees), refund
 * the fees of cancelled deals, and see to deposits' surplus refunds that kept failing.
 */
export function AdminPaymentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: Filter =
    FILTERS.find((f) => f === (params.get('attention') ?? params.get('status'))) ?? 'pending';
  useDocumentTitle(t('payments.admin.title'));
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.adminPayments(filter),
    queryFn: async ({ signal }) => {
      if (filter === 'surplus_refund') return (await listPayments({ attention: filter }, signal)).payments;
      const status: PaymentStatus | undefined = filter === 'all' ? undefined : filter;
      return (await listPayments({ status }, signal)).payments;
    },
  });
  const payments = query.data;

  function onChanged(changed: Payment) {
    queryClient.setQueryData<AdminPayment[]>(queryKeys.adminPayments(filter), (list) =>
      (list ?? []).map((p) => (p.id === changed.id ? { ...p, ...changed } : p)),
    );
    // The other filters' lists changed too.
    void queryClient.invalidateQueries({
      queryKey: queryKeys.allAdminPayments,
      predicate: (q) => q.queryKey[2] !== filter,
    });
  }

  return (
    <section>
      <h1>{t('payments.admin.title')}</h1>
      <p className="lead">{t('payments.admin.intro')}</p>
      <p className="page-links">
        <Link to="/admin/payouts" data-testid="payouts-link">
          {t('payments.payouts.title')}
        </Link>
      </p>
      <div className="segmented" role="group" aria-label={t('payments.statusLabel')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            className={filter === f ? 'active' : ''}
            onClick={() => setParams(paramsOf(f))}
            data-testid={`payment-filter-${f}`}
          >
            {f === 'all'
              ? t('payments.admin.all')
              : f === 'surplus_refund'
                ? t('payments.admin.attention')
                : t(`payments.status.${f}`)}
          </button>
        ))}
      </div>
      <QueryStatus query={query} />
      {payments && payments.length === 0 && (
        <p className="muted" data-testid="payments-empty">
          {t('payments.admin.empty')}
        </p>
      )}
      {payments && payments.length > 0 && (
        <ResponsiveTable testId="admin-payments-table">
          <thead>
            <tr>
              <th scope="col">{t('payments.subject')}</th>
              <th scope="col">{t('payments.payer')}</th>
              <th scope="col">{t('payments.amount')}</th>
              <th scope="col">{t('payments.provider')}</th>
              <th scope="col">{t('payments.statusLabel')}</th>
              <th scope="col">{t('payments.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <AdminPaymentRow key={p.id} payment={p} onChanged={onChanged} />
            ))}
          </tbody>
        </ResponsiveTable>
      )}
    </section>
  );
}
