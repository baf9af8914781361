import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useFormErrors } from '../../ui/useFormErrors';
import { DeliveryState } from './DeliveryState';
import { InquiryTabs } from './InquiryTabs';
import { answerInquiry, federationKeys, receivedInquiries, type ReceivedInquiry } from './federationApi';
import './federation.css';

const ANSWER_MAX = 4000;

/**
 * `/my/inquiries/received`: inquiries members of partner exchanges sent about my organization's
 * listings, each with our answers (and where their delivery back stands) and a form to answer.
 */
export function ReceivedInquiriesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('federation.received.title'));
  const query = useQuery({
    queryKey: federationKeys.received,
    queryFn: ({ signal }) => receivedInquiries(signal),
  });
  const inquiries = query.data;
  return (
    <section data-testid="received-inquiries-page">
      <h1>{t('federation.received.title')}</h1>
      <p className="lead">{t('federation.received.intro')}</p>
      <InquiryTabs />
      <QueryStatus query={query} />
      {inquiries && inquiries.length === 0 && (
        <p className="empty-state" data-testid="received-empty">
          {t('federation.received.empty')}
        </p>
      )}
      {inquiries && inquiries.length > 0 && (
        <ul className="inquiry-list">
          {inquiries.map((inquiry) => (
            <ReceivedInquiryCard key={inquiry.id} inquiry={inquiry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReceivedInquiryCard({ inquiry }: { inquiry: ReceivedInquiry }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const asker = [inquiry.asker.name, inquiry.asker.organizationName].filter(Boolean).join(', ') || '—';
  return (
    <li className="card inquiry" data-testid="received-inquiry" data-id={inquiry.id}>
      <h2 className="card-title">
        <Link to={`/${inquiry.kind}s/${inquiry.listingId}`} data-testid="received-inquiry-listing">
          {inquiry.listingTitle || inquiry.listingId}
        </Link>
      </h2>
      <p className="muted" data-testid="received-inquiry-asker">
        {t('federation.received.from', {
          asker,
          exchange: inquiry.homeExchange,
          at: formatDateTime(inquiry.receivedAt, labels.locale),
        })}
      </p>
      <blockquote className="inquiry-message" data-testid="received-inquiry-message">
        {inquiry.message}
      </blockquote>
      {inquiry.decision && (
        <p data-testid="received-inquiry-decision" data-decision={inquiry.decision}>
          <strong>{t(`federation.decisions.${inquiry.decision}`)}</strong>
        </p>
      )}
      {inquiry.askerContact && (
        <p data-testid="received-inquiry-asker-contact">
          {t('federation.received.askerContact')}: {inquiry.askerContact.name}
          {inquiry.askerContact.organizationName && <> ({inquiry.askerContact.organizationName})</>}{' '}
          <a href={`mailto:${inquiry.askerContact.email}`}>{inquiry.askerContact.email}</a>
        </p>
      )}
      {inquiry.answers.length > 0 && (
        <>
          <h3>{t('federation.received.ourAnswers')}</h3>
          <ol className="inquiry-answers">
            {inquiry.answers.map((a) => (
              <li key={a.id} data-testid="our-answer" data-id={a.id}>
                <p className="muted">
                  {t('federation.received.answeredBy', {
                    name: a.answeredBy,
                    at: formatDateTime(a.answeredAt, labels.locale),
                  })}
                  {a.decision && <> · {t(`federation.decisions.${a.decision}`)}</>}
                  {a.sharedContact && <> · {t('federation.received.contactShared')}</>}
                </p>
                <p className="prose" data-testid="our-answer-text">
                  {a.text}
                </p>
                <p>
                  <DeliveryState
                    delivery={a.delivery}
                    name={inquiry.homeExchange}
                    testId="our-answer-delivery"
                  />
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      <AnswerForm inquiry={inquiry} />
    </li>
  );
}

function AnswerForm({ inquiry }: { inquiry: ReceivedInquiry }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [decision, setDecision] = useState<'' | 'accept' | 'decline'>('');
  const [sent, setSent] = useState(false);
  const form = useFormErrors();
  const mutation = useMutation({
    mutationFn: (input: { text: string; decision?: 'accept' | 'decline' }) =>
      answerInquiry(inquiry.id, input),
    onError: (err) => form.showServerError(err),
    onSuccess: (updated) => {
      form.clear();
      setText('');
      setDecision('');
      setSent(true);
      queryClient.setQueryData<ReceivedInquiry[]>(federationKeys.received, (list) =>
        list?.map((i) => (i.id === updated.id ? updated : i)),
      );
    },
  });
  const fieldId = `answer-${inquiry.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    setSent(false);
    mutation.mutate({ text, ...(decision ? { decision } : {}) });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="answer-form">
      {sent && (
        <Notice tone="success" testId="answer-sent">
          {t('federation.received.sent', { name: inquiry.homeExchange })}
        </Notice>
      )}
      <TextField
        id={fieldId}
        name="text"
        label={t(inquiry.answers.length ? 'federation.received.answerAgain' : 'federation.received.answer')}
        value={text}
        onChange={setText}
        error={form.errorFor('text')}
        multiline
        rows={3}
        maxLength={ANSWER_MAX}
        required
      />
      {!inquiry.decision && (
        <fieldset className="form-field" data-testid="answer-decision">
          <legend>{t('federation.received.decision')}</legend>
          {(['', 'accept', 'decline'] as const).map((value) => (
            <label className="checkbox" key={value || 'message'}>
              <input
                type="radio"
                name={`decision-${inquiry.id}`}
                value={value}
                checked={decision === value}
                onChange={() => setDecision(value)}
                data-testid={`answer-decision-${value || 'message'}`}
              />{' '}
              {t(`federation.received.decisionChoices.${value || 'message'}`)}
            </label>
          ))}
        </fieldset>
      )}
      {!!form.formError && Object.keys(form.errors).length === 0 && <ErrorAlert error={form.formError} />}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={mutation.isPending}
        data-testid="answer-send"
      >
        {t('federation.received.send')}
      </button>
    </form>
  );
}
