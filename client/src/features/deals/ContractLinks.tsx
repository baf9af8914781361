import { useTranslation } from 'react-i18next';
import { contractHref } from './dealsApi';
import type { Deal } from './dealTypes';

/** Links to the printable contract draft, once both parties agreed on a version. */
export function ContractLinks({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  if (!deal.agreedVersion) return null;
  return (
    <section className="card" data-testid="contract-links">
      <h2 className="card-title">{t('deals.contract.title')}</h2>
      <p className="muted">{t('deals.contract.hint')}</p>
      <div className="button-row">
        {(['vi', 'en'] as const).map((lang) => (
          <a
            key={lang}
            className="btn btn-small btn-secondary"
            href={contractHref(deal.id, lang)}
            target="_blank"
            rel="noopener"
            data-testid={`contract-${lang}`}
          >
            {t(`deals.contract.${lang}`)}
          </a>
        ))}
      </div>
    </section>
  );
}
