import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CURRENCIES,
  ROYALTY_CADENCES,
  TRANSFER_MODES,
  type Currency,
  type RoyaltyCadence,
  type TransferMode,
} from '@contract/enums';
import { minorToMajorString, parseMajorInput } from '../../money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormField } from '../../ui/FormField';
import { useLabels } from '../../labels';
import { PriceGuidancePanel } from '../stats';
import { Notice } from '../../ui/Notice';
import { useFormErrors } from '../../ui/useFormErrors';
import { proposeTerms } from './dealsApi';
import type { Deal, NewTermSheet, TermSheet } from './dealTypes';

interface MilestoneDraft {
  title: string;
  dueDate: string;
  amount: string;
  deliverable: string;
}

function draftFrom(sheet: TermSheet | undefined) {
  const currency: Currency = sheet?.currency ?? 'VND';
  return {
    price: sheet ? minorToMajorString(sheet.price, currency) : '',
    currency,
    royaltyPct: sheet?.royaltyPct != null ? String(sheet.royaltyPct) : '',
    royaltyReporting: (sheet?.royaltyReporting ?? '') as RoyaltyCadence | '',
    exclusivity: sheet?.exclusivity ?? false,
    transferMode: (sheet?.transferMode ?? '') as TransferMode | '',
    territory: sheet?.territory ?? '',
    durationMonths: sheet?.durationMonths != null ? String(sheet.durationMonths) : '',
    milestones: (sheet?.milestones ?? []).map<MilestoneDraft>((m) => ({
      title: m.title,
      dueDate: m.dueDate?.slice(0, 10) ?? '',
      amount: m.amount != null ? minorToMajorString(m.amount, currency) : '',
      deliverable: m.deliverable ?? '',
    })),
  };
}

/** A new term-sheet version, starting from the latest one. */
export function TermSheetForm({ deal, onProposed }: { deal: Deal; onProposed: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [draft, setDraft] = useState(() => draftFrom(deal.termSheets.at(-1)));
  const [busy, setBusy] = useState(false);
  const [proposed, setProposed] = useState<number | null>(null);
  const { formError, showServerError, clear, errorFor, showIssues } = useFormErrors();
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setMilestone = (i: number, patch: Partial<MilestoneDraft>) =>
    set({ milestones: draft.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)) });

  function build(): NewTermSheet | null {
    const price = parseMajorInput(draft.price, draft.currency);
    const milestones = draft.milestones.map((m) => ({
      title: m.title.trim(),
      dueDate: m.dueDate || undefined,
      amount: m.amount ? (parseMajorInput(m.amount, draft.currency) ?? Number.NaN) : undefined,
      ...(m.deliverable.trim() ? { deliverable: m.deliverable.trim() } : {}),
    }));
    const issues: Record<string, { key: string }> = {};
    if (price === null) issues.price = { key: 'amount' };
    milestones.forEach((m, i) => {
      if (!m.title) issues[`milestones.${i}.title`] = { key: 'required' };
      if (m.amount !== undefined && Number.isNaN(m.amount))
        issues[`milestones.${i}.amount`] = { key: 'amount' };
    });
    if (Object.keys(issues).length) {
      showIssues(issues);
      return null;
    }
    return {
      price: price!,
      currency: draft.currency,
      exclusivity: draft.exclusivity,
      ...(draft.transferMode ? { transferMode: draft.transferMode } : {}),
      ...(draft.royaltyPct.trim() ? { royaltyPct: Number(draft.royaltyPct.replace(',', '.')) } : {}),
      ...(draft.royaltyPct.trim() && draft.royaltyReporting
        ? { royaltyReporting: draft.royaltyReporting }
        : {}),
      ...(draft.territory.trim() ? { territory: draft.territory.trim() } : {}),
      ...(draft.durationMonths.trim() ? { durationMonths: Number(draft.durationMonths) } : {}),
      milestones,
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const terms = build();
    if (!terms) return;
    setBusy(true);
    clear();
    try {
      const sheet = await proposeTerms(deal.id, terms);
      setProposed(sheet.version);
      onProposed();
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card">
      <h2 className="card-title">{t('deals.termsForm.title')}</h2>
      {proposed && (
        <Notice tone="success" testId="terms-proposed">
          {t('deals.termsForm.proposed', { version: proposed })}
        </Notice>
      )}
      <form className="terms-form" onSubmit={(e) => void submit(e)} noValidate data-testid="terms-form">
        <div className="form-row">
          <FormField id="terms-price" label={t('deals.terms.price')} error={errorFor('price')} required>
            <input
              id="terms-price"
              inputMode="decimal"
              value={draft.price}
              onChange={(e) => set({ price: e.target.value })}
              data-testid="terms-price"
            />
          </FormField>
          <FormField id="terms-currency" label={t('deals.terms.currency')} error={errorFor('currency')}>
            <select
              id="terms-currency"
              value={draft.currency}
              onChange={(e) => set({ currency: e.target.value as Currency })}
              data-testid="terms-currency"
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        <div className="form-row three">
          <FormField id="terms-royalty" label={t('deals.terms.royaltyPct')} error={errorFor('royaltyPct')}>
            <input
              id="terms-royalty"
              inputMode="decimal"
              value={draft.royaltyPct}
              onChange={(e) => set({ royaltyPct: e.target.value })}
              data-testid="terms-royalty"
            />
          </FormField>
          <FormField
            id="terms-royalty-reporting"
            label={t('deals.terms.royaltyReporting')}
            error={errorFor('royaltyReporting')}
          >
            <select
              id="terms-royalty-reporting"
              value={draft.royaltyReporting}
              onChange={(e) => set({ royaltyReporting: e.target.value as RoyaltyCadence | '' })}
              disabled={!draft.royaltyPct.trim()}
              data-testid="terms-royalty-reporting"
            >
              <option value="">{t('deals.terms.cadenceUnset')}</option>
              {ROYALTY_CADENCES.map((c) => (
                <option key={c} value={c}>
                  {t(`deals.terms.cadence.${c}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            id="terms-duration"
            label={t('deals.terms.durationMonths')}
            error={errorFor('durationMonths')}
          >
            <input
              id="terms-duration"
              inputMode="numeric"
              value={draft.durationMonths}
              onChange={(e) => set({ durationMonths: e.target.value })}
              data-testid="terms-duration"
            />
          </FormField>
        </div>
        <PriceGuidancePanel
          field={deal.field}
          currency={draft.currency}
          transferMode={draft.transferMode || undefined}
        />
        <FormField id="terms-mode" label={t('deals.terms.transferMode')} error={errorFor('transferMode')}>
          <select
            id="terms-mode"
            value={draft.transferMode}
            onChange={(e) => set({ transferMode: e.target.value as TransferMode | '' })}
            data-testid="terms-transfer-mode"
          >
            <option value="">{t('deals.terms.transferModeUnset')}</option>
            {TRANSFER_MODES.map((m) => (
              <option key={m} value={m}>
                {labels.enumLabel('transferMode', m)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="terms-territory" label={t('deals.terms.territory')} error={errorFor('territory')}>
          <input
            id="terms-territory"
            value={draft.territory}
            onChange={(e) => set({ territory: e.target.value })}
            data-testid="terms-territory"
          />
        </FormField>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.exclusivity}
            onChange={(e) => set({ exclusivity: e.target.checked })}
            data-testid="terms-exclusivity"
          />{' '}
          {t('deals.terms.exclusive')}
        </label>
        <fieldset className="milestones">
          <legend>{t('deals.terms.milestones')}</legend>
          {draft.milestones.map((m, i) => (
            <div className="form-row three" key={i}>
              <FormField
                id={`milestone-${i}-title`}
                label={t('deals.terms.milestoneTitle')}
                error={errorFor(`milestones.${i}.title`)}
                required
              >
                <input
                  id={`milestone-${i}-title`}
                  value={m.title}
                  onChange={(e) => setMilestone(i, { title: e.target.value })}
                />
              </FormField>
              <FormField
                id={`milestone-${i}-due`}
                label={t('deals.terms.dueDate')}
                error={errorFor(`milestones.${i}.dueDate`)}
              >
                <input
                  id={`milestone-${i}-due`}
                  type="date"
                  value={m.dueDate}
                  onChange={(e) => setMilestone(i, { dueDate: e.target.value })}
                />
              </FormField>
              <FormField
                id={`milestone-${i}-amount`}
                label={t('deals.terms.amount')}
                error={errorFor(`milestones.${i}.amount`)}
              >
                <input
                  id={`milestone-${i}-amount`}
                  inputMode="decimal"
                  value={m.amount}
                  onChange={(e) => setMilestone(i, { amount: e.target.value })}
                />
              </FormField>
              <FormField
                id={`milestone-${i}-deliverable`}
                label={t('deals.terms.deliverable')}
                error={errorFor(`milestones.${i}.deliverable`)}
              >
                <input
                  id={`milestone-${i}-deliverable`}
                  value={m.deliverable}
                  maxLength={1000}
                  onChange={(e) => setMilestone(i, { deliverable: e.target.value })}
                />
              </FormField>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => set({ milestones: draft.milestones.filter((_, j) => j !== i) })}
              >
                {t('deals.termsForm.removeMilestone')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn btn-small btn-secondary"
            onClick={() =>
              set({
                milestones: [...draft.milestones, { title: '', dueDate: '', amount: '', deliverable: '' }],
              })
            }
            data-testid="add-milestone"
          >
            {t('deals.termsForm.addMilestone')}
          </button>
        </fieldset>
        <ErrorAlert error={formError} />
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="terms-submit">
          {busy ? t('common.working') : t('deals.termsForm.submit')}
        </button>
      </form>
    </section>
  );
}
