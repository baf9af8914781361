import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { useAuth } from '../auth';
import { sendInquiry } from './federationApi';

/**
 * On a partner exchange's listing (its page here): a verified member asks its owner, through the
 * listing's home exchange. Folded until asked for unless `startOpen`; nothing for visitors.
 */
export function InquiryForm({
  listingId,
  homeName,
  startOpen = false,
}: {
  listingId: string;
  homeName: string;
  startOpen?: boolean;
}) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [open, setOpen] = useState(startOpen);
  const [message, setMessage] = useState('');
  const form = useFormErrors();
  const mutation = useMutation({
    mutationFn: sendInquiry,
    onError: (err) => form.showServerError(err),
    onSuccess: () => {
      form.clear();
      setMessage('');
      setOpen(false);
    },
  });
  if (!user?.organization?.verified) return null;
  const sent = mutation.data;

  function submit(e: FormEvent) {
    e.preventDefault();
    mutation.mutate({ listingId, message });
  }

  return (
    <div className="hit-inquiry">
      {sent && (
        <Notice tone="success" testId="inquiry-sent">
          {t(`federation.inquiry.states.${sent.delivery.state}`, { name: homeName })}{' '}
          <Link to="/my/inquiries" data-testid="inquiry-sent-link">
            {t('federation.inquiry.seeMine')}
          </Link>
        </Notice>
      )}
      {!open ? (
        <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="inquiry-open">
          {t('federation.inquiry.ask')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate data-testid="inquiry-form">
          <TextField
            id={`inquiry-${listingId}`}
            name="message"
            label={t('federation.inquiry.message', { name: homeName })}
            value={message}
            onChange={setMessage}
            error={form.errorFor('message')}
            multiline
            rows={3}
            maxLength={4000}
            required
          />
          {!!form.formError && Object.keys(form.errors).length === 0 && <ErrorAlert error={form.formError} />}
          <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
            {t('federation.inquiry.send')}
          </button>{' '}
          <button type="button" className="btn" onClick={() => setOpen(false)}>
            {t('federation.inquiry.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
