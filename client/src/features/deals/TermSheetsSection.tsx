import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatMoney } from '../../money';
import { Notice } from '../../ui/Notice';
import { acceptTerms } from './dealsApi';
import type { Deal, TermSheet } from './dealTypes';
import { TermSheetCompare } from './TermSheetCompare';

/** The versions of the terms: the latest beside an earlier one of the viewer's choice, and the accept step. */
export function TermSheetsSection({ deal, onChanged }: { deal: Deal; onChanged: (deal: Deal) => void }) {
  const { t, i18n } = useTranslation();
  const sheets = deal.termSheets;
  const latest = sheets.at(-1);
  const [compareWith, setCompareWith] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!latest) {
    return (
      <section className="card" data-testid="term-sheets">
        <h2 className="card-title">{t('deals.terms.title')}</h2>
        <p className="empty-state">{t('deals.terms.none')}</p>
      </section>
    );
  }

  const earlier = sheets.filter((s) => s.version !== latest.version);
  const leftVersion = compareWith ?? earlier.at(-1)?.version;
  const left = sheets.find((s) => s.version === leftVersion);
  const party = deal.myRole === 'seller' || deal.myRole === 'buyer' ? deal.myRole : undefined;
  const acceptedByMe = !!party && latest.acceptedBy.some((a) => a.role === party);
  const mayAccept = !!party && deal.status === 'negotiating' && !acceptedByMe;

  async function accept(sheet: TermSheet) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await acceptTerms(deal.id, sheet.version));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="term-sheets" data-latest={latest.version}>
      <h2 className="card-title">{t('deals.terms.title')}</h2>
      {earlier.length > 0 && (
        <label className="inline-filter">
          <span>{t('deals.terms.compareWith')}</span>{' '}
          <select
            value={leftVersion}
            onChange={(e) => setCompareWith(Number(e.target.value))}
            data-testid="compare-with"
          >
            {earlier.map((s) => (
              <option key={s.version} value={s.version}>
                {t('deals.terms.version', { version: s.version })}
              </option>
            ))}
          </select>
        </label>
      )}
      <TermSheetCompare left={left} right={latest} />
      {left && <p className="muted small">{t('deals.terms.differences')}</p>}
      <dl className="details">
        <dt>{t('deals.terms.proposedBy')}</dt>
        <dd>{t(`deals.roles.${latest.proposedByRole}`)}</dd>
        <dt>{t('deals.terms.acceptedBy')}</dt>
        <dd data-testid="accepted-by" data-roles={latest.acceptedBy.map((a) => a.role).join(' ')}>
          {latest.acceptedBy.length
            ? latest.acceptedBy.map((a) => t(`deals.roles.${a.role}`)).join(', ')
            : t('deals.terms.nobody')}
        </dd>
      </dl>
      {deal.agreedVersion && (
        <Notice tone="success" testId="terms-agreed">
          {t('deals.terms.agreed', { version: deal.agreedVersion })}
        </Notice>
      )}
      {acceptedByMe && !deal.agreedVersion && <p className="muted">{t('deals.terms.youAccepted')}</p>}
      {mayAccept && (
        <ConfirmButton
          label={t('deals.terms.accept', { version: latest.version })}
          question={t('deals.terms.acceptConfirm', {
            version: latest.version,
            price: formatMoney(latest.price, latest.currency, i18n.language),
          })}
          disabled={busy}
          onConfirm={() => void accept(latest)}
          testId={`accept-terms-${latest.version}`}
        />
      )}
      {deal.myRole === 'broker' && deal.status === 'negotiating' && (
        <p className="muted">{t('deals.terms.onlyParties')}</p>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
