import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryStatus } from '../../api/QueryStatus';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useLabels } from '../../labels';
import {
  fetchPartnerKey,
  listPartners,
  partnersKey,
  pullPartner,
  registerPartner,
  setPartnerStatus,
  type FetchedPartnerKey,
  type Partner,
} from './federationApi';
import { SharingDefaultCard } from './SharingDefaultCard';

/** Operators' partner desk: register partner exchanges, suspend them, pull their feed now, see the last error. */
export function PartnersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('federation.partners.title'));
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: partnersKey, queryFn: ({ signal }) => listPartners(signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: partnersKey });
  const partners = query.data;

  return (
    <section>
      <h1>{t('federation.partners.title')}</h1>
      <p className="muted">{t('federation.partners.intro')}</p>
      <p className="page-links">
        <Link to="/admin/api-keys" data-testid="partners-api-keys-link">
          {t('federation.apiKeys.title')}
        </Link>
      </p>
      <SharingDefaultCard />
      <RegisterPartnerForm onRegistered={refresh} />
      <QueryStatus query={query} />
      {partners && partners.length === 0 && (
        <p className="muted" data-testid="partners-empty">
          {t('federation.partners.empty')}
        </p>
      )}
      {partners && partners.length > 0 && (
        <ResponsiveTable testId="partners-table">
          <thead>
            <tr>
              <th scope="col">{t('federation.partners.name')}</th>
              <th scope="col">{t('federation.partners.fingerprint')}</th>
              <th scope="col">{t('federation.partners.status')}</th>
              <th scope="col">{t('federation.partners.lastPull')}</th>
              <th scope="col">{t('federation.partners.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <PartnerRow key={p.id} partner={p} onChanged={refresh} />
            ))}
          </tbody>
        </ResponsiveTable>
      )}
    </section>
  );
}

function RegisterPartnerForm({ onRegistered }: { onRegistered: () => unknown }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [registered, setRegistered] = useState<Partner | null>(null);
  /** The key the base URL answered, waiting for the operator to confirm it. */
  const [fetched, setFetched] = useState<FetchedPartnerKey | null>(null);
  const form = useFormErrors();
  const mutation = useMutation({
    mutationFn: registerPartner,
    onError: (err) => form.showServerError(err),
    onSuccess: (partner) => {
      form.clear();
      setRegistered(partner);
      setFetched(null);
      setName('');
      setBaseUrl('');
      setPublicKey('');
      void onRegistered();
    },
  });
  const fetchKey = useMutation({
    mutationFn: fetchPartnerKey,
    onError: (err) => form.showServerError(err),
    onSuccess: (key) => {
      form.clear();
      setFetched(key);
    },
  });

  function askForKey() {
    setRegistered(null);
    setFetched(null);
    fetchKey.mutate(baseUrl);
  }

  function confirmKey() {
    if (!fetched) return;
    setRegistered(null);
    mutation.mutate({ name: name || fetched.name, baseUrl: fetched.baseUrl, publicKey: fetched.publicKey });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setRegistered(null);
    mutation.mutate({ name, baseUrl, publicKey });
  }

  return (
    <form className="card form" onSubmit={submit} data-testid="partner-form" noValidate>
      <h2>{t('federation.partners.register')}</h2>
      <TextField
        id="partner-name"
        name="name"
        label={t('federation.partners.name')}
        value={name}
        onChange={setName}
        error={form.errorFor('name')}
        required
      />
      <TextField
        id="partner-url"
        name="baseUrl"
        label={t('federation.partners.baseUrl')}
        hint={t('federation.partners.baseUrlHint')}
        value={baseUrl}
        onChange={(value) => {
          setBaseUrl(value);
          setFetched(null);
        }}
        error={form.errorFor('baseUrl')}
        required
      />
      <p className="muted">{t('federation.partners.fetchKeyHint')}</p>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={askForKey}
        disabled={fetchKey.isPending || !baseUrl.trim()}
        data-testid="partner-fetch-key"
      >
        {t('federation.partners.fetchKey')}
      </button>
      {fetched && (
        <Notice tone="info" testId="partner-fetched-key">
          {t('federation.partners.fetchedKey', {
            name: fetched.name,
            keyId: fetched.keyId,
            fingerprint: fetched.fingerprint,
          })}{' '}
          <button
            type="button"
            className="btn btn-primary"
            onClick={confirmKey}
            disabled={mutation.isPending}
            data-testid="partner-confirm-key"
          >
            {t('federation.partners.confirmKey')}
          </button>
        </Notice>
      )}
      <TextField
        id="partner-key"
        name="publicKey"
        label={t('federation.partners.publicKey')}
        hint={t('federation.partners.publicKeyHint')}
        value={publicKey}
        onChange={setPublicKey}
        error={form.errorFor('publicKey')}
        multiline
        rows={4}
        required
      />
      {!!form.formError && Object.keys(form.errors).length === 0 && <ErrorAlert error={form.formError} />}
      {registered && (
        <Notice tone="success" testId="partner-registered">
          {t('federation.partners.registered', {
            name: registered.name,
            fingerprint: registered.fingerprint,
          })}
        </Notice>
      )}
      <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
        {t('federation.partners.registerAction')}
      </button>
    </form>
  );
}

function PartnerRow({ partner, onChanged }: { partner: Partner; onChanged: () => unknown }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const when = (iso: string) => new Date(iso).toLocaleString(labels.locale);
  const status = useMutation({
    mutationFn: () => setPartnerStatus(partner.id, partner.status === 'active' ? 'suspended' : 'active'),
    onSuccess: () => void onChanged(),
  });
  const pull = useMutation({ mutationFn: () => pullPartner(partner.id), onSuccess: () => void onChanged() });
  const last = partner.lastPull;
  return (
    <tr data-testid="partner-row" data-id={partner.id}>
      <td>
        <strong>{partner.name}</strong>
        <br />
        <a href={partner.baseUrl} rel="noopener noreferrer" target="_blank">
          {partner.baseUrl}
        </a>
        <br />
        <span className="muted">
          {t('federation.partners.origin')}: <code>{partner.code}</code>
        </span>
        <br />
        <span className="muted" data-testid="partner-counts">
          {t('federation.partners.counts', partner.counts)}
        </span>
        <br />
        <span className="muted" data-testid="partner-answer-counts">
          {t('federation.partners.answerCounts', partner.counts)}
        </span>
        <br />
        <span className="muted" data-testid="partner-recent-counts">
          {t('federation.partners.recentCounts', partner.counts.last30Days)}
        </span>
      </td>
      <td>
        <code className="fingerprint">{partner.fingerprint}</code>
      </td>
      <td data-testid="partner-status">{t(`federation.partners.statuses.${partner.status}`)}</td>
      <td data-testid="partner-last-pull">
        {!last && <span className="muted">{t('federation.partners.never')}</span>}
        {last && (
          <>
            {when(last.at)} ·{' '}
            {last.ok
              ? t('federation.partners.pullOk', { imported: last.imported, removed: last.removed })
              : t('federation.partners.pullRefused')}
            {last.reason && (
              <div className="alert alert-error" data-testid="partner-last-error">
                {last.reason}
              </div>
            )}
          </>
        )}
        {partner.lastRefusal && (
          <div className="muted" data-testid="partner-last-refusal">
            {t('federation.partners.lastRefusal', {
              at: when(partner.lastRefusal.at),
              reason: partner.lastRefusal.reason,
            })}
          </div>
        )}
      </td>
      <td>
        <button
          type="button"
          className="btn"
          disabled={partner.status !== 'active' || pull.isPending}
          onClick={() => pull.mutate()}
          data-testid="partner-pull"
        >
          {pull.isPending ? t('federation.partners.pulling') : t('federation.partners.pull')}
        </button>{' '}
        <button
          type="button"
          className="btn"
          disabled={status.isPending}
          onClick={() => status.mutate()}
          data-testid="partner-toggle"
        >
          {partner.status === 'active' ? t('federation.partners.suspend') : t('federation.partners.activate')}
        </button>
        <ErrorAlert error={pull.error ?? status.error} testId="partner-action-error" />
      </td>
    </tr>
  );
}
