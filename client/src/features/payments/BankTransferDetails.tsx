import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../money';
import { useLocale } from '../../labels';
import type { BankTransferInstructions } from './paymentsApi';

export function BankTransferDetails({ instructions }: { instructions: BankTransferInstructions }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows: [string, string, string][] = [
    ['bankName', t('payments.bank.bankName'), instructions.bankName],
    ['accountName', t('payments.bank.accountName'), instructions.accountName],
    ['accountNumber', t('payments.bank.accountNumber'), instructions.accountNumber],
    ['amount', t('payments.amount'), formatMoney(instructions.amount, instructions.currency, locale)],
    ['reference', t('payments.bank.reference'), instructions.reference],
  ];
  return (
    <div className="card bank-transfer" data-testid="bank-instructions">
      <h3>{t('payments.bank.title')}</h3>
      <dl>
        {rows.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`bank-${key}`}>
              <strong>{value}</strong>
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('payments.bank.hint', { reference: instructions.reference })}</p>
    </div>
  );
}
