import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useFormErrors } from '../../ui/useFormErrors';
import {
  apiKeysKey,
  issueApiKey,
  listApiKeys,
  revokeApiKey,
  type ApiKey,
  type ApiKeyScope,
  type IssuedApiKey,
} from './federationApi';
import './federation.css';

/** Every scope a key may have (a scope the server adds fails the type check here until it is listed). */
const SCOPES: Record<ApiKeyScope, true> = { listings: true, search: true, federation: true };
const SCOPE_LIST = Object.keys(SCOPES) as ApiKeyScope[];

/**
 * `/admin/api-keys`, part of the operators' partner desk (keys are issued by operators only):
 * issue a named, scoped key — shown this once —, see each key's last use, revoke one.
 */
export function ApiKeysPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('federation.apiKeys.title'));
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: apiKeysKey, queryFn: ({ signal }) => listApiKeys(signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: apiKeysKey });
  const keys = query.data;
  return (
    <section data-testid="api-keys-page">
      <h1>{t('federation.apiKeys.title')}</h1>
      <p className="muted">{t('federation.apiKeys.intro')}</p>
      <p className="page-links">
        <Link to="/admin/partners" data-testid="api-keys-partners-link">
          {t('federation.partners.title')}
        </Link>
      </p>
      <IssueKeyForm onIssued={refresh} />
      <QueryStatus query={query} />
      {keys && keys.length === 0 && (
        <p className="muted" data-testid="api-keys-empty">
          {t('federation.apiKeys.empty')}
        </p>
      )}
      {keys && keys.length > 0 && (
        <ResponsiveTable testId="api-keys-table">
          <thead>
            <tr>
              <th scope="col">{t('federation.apiKeys.name')}</th>
              <th scope="col">{t('federation.apiKeys.scopes')}</th>
              <th scope="col">{t('federation.apiKeys.prefix')}</th>
              <th scope="col">{t('federation.apiKeys.lastUsed')}</th>
              <th scope="col">{t('federation.partners.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <ApiKeyRow key={k.id} apiKey={k} onChanged={refresh} />
            ))}
          </tbody>
        </ResponsiveTable>
      )}
    </section>
  );
}

function IssueKeyForm({ onIssued }: { onIssued: () => unknown }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['listings', 'search']);
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  const form = useFormErrors();
  const mutation = useMutation({
    mutationFn: issueApiKey,
    onError: (err) => form.showServerError(err),
    onSuccess: (answer) => {
      form.clear();
      setIssued(answer);
      setName('');
      void onIssued();
    },
  });
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((now) => (on ? [...now.filter((s) => s !== scope), scope] : now.filter((s) => s !== scope)));

  function submit(e: FormEvent) {
    e.preventDefault();
    setIssued(null);
    mutation.mutate({ name, scopes });
  }

  return (
    <form className="card form" onSubmit={submit} data-testid="api-key-form" noValidate>
      <h2>{t('federation.apiKeys.issue')}</h2>
      <TextField
        id="api-key-name"
        name="name"
        label={t('federation.apiKeys.name')}
        hint={t('federation.apiKeys.nameHint')}
        value={name}
        onChange={setName}
        error={form.errorFor('name')}
        required
      />
      <fieldset className="form-field">
        <legend>{t('federation.apiKeys.scopes')}</legend>
        {SCOPE_LIST.map((scope) => (
          <label key={scope} className="checkbox">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
              data-testid={`api-key-scope-${scope}`}
            />{' '}
            {t(`federation.apiKeys.scopeLabels.${scope}`)}
          </label>
        ))}
        {form.errorFor('scopes') && (
          <p className="field-error" role="alert">
            {form.errorFor('scopes')}
          </p>
        )}
      </fieldset>
      {!!form.formError && Object.keys(form.errors).length === 0 && <ErrorAlert error={form.formError} />}
      {issued && (
        <Notice tone="success" testId="api-key-issued">
          {t('federation.apiKeys.issued', { name: issued.apiKey.name })}
          <code className="api-key-secret" data-testid="api-key-secret">
            {issued.key}
          </code>
        </Notice>
      )}
      <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
        {t('federation.apiKeys.issueAction')}
      </button>
    </form>
  );
}

function ApiKeyRow({ apiKey, onChanged }: { apiKey: ApiKey; onChanged: () => unknown }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const revoke = useMutation({
    mutationFn: () => revokeApiKey(apiKey.id),
    onSuccess: () => void onChanged(),
  });
  const when = (iso: string | null) => (iso ? formatDateTime(iso, labels.locale) : '');
  return (
    <tr data-testid="api-key-row" data-id={apiKey.id} data-revoked={apiKey.revokedAt ? 'true' : 'false'}>
      <td>
        <strong>{apiKey.name}</strong>
        <br />
        <span className="muted">{t('federation.apiKeys.created', { at: when(apiKey.createdAt) })}</span>
      </td>
      <td>{apiKey.scopes.map((s) => t(`federation.apiKeys.scopeLabels.${s}`)).join(', ')}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>{apiKey.lastUsedAt ? when(apiKey.lastUsedAt) : t('federation.apiKeys.neverUsed')}</td>
      <td>
        {apiKey.revokedAt ? (
          <span data-testid="api-key-revoked">
            {t('federation.apiKeys.revoked', { at: when(apiKey.revokedAt) })}
          </span>
        ) : (
          <ConfirmButton
            label={t('federation.apiKeys.revoke')}
            question={t('federation.apiKeys.revokeQuestion', { name: apiKey.name })}
            onConfirm={() => revoke.mutate()}
            disabled={revoke.isPending}
            className="btn"
            testId="api-key-revoke"
          />
        )}
        <ErrorAlert error={revoke.error} testId="api-key-action-error" />
      </td>
    </tr>
  );
}
