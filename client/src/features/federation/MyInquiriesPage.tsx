import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { DeliveryState } from './DeliveryState';
import { InquiryTabs } from './InquiryTabs';
import { federationKeys, sentInquiries, type SentInquiry } from './federationApi';
import './federation.css';

/** `/my/inquiries`: the inquiries my organization sent to partner exchanges' listings, and the answers. */
export function MyInquiriesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('federation.mine.title'));
  const query = useQuery({ queryKey: federationKeys.sent, queryFn: ({ signal }) => sentInquiries(signal) });
  const inquiries = query.data;
  return (
    <section data-testid="my-inquiries-page">
      <h1>{t('federation.mine.title')}</h1>
      <p className="lead">{t('federation.mine.intro')}</p>
      <InquiryTabs />
      <QueryStatus query={query} />
      {inquiries && inquiries.length === 0 && (
        <p className="empty-state" data-testid="inquiries-empty">
          {t('federation.mine.empty')}
        </p>
      )}
      {inquiries && inquiries.length > 0 && (
        <ul className="inquiry-list">
          {inquiries.map((inquiry) => (
            <SentInquiryCard key={inquiry.id} inquiry={inquiry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SentInquiryCard({ inquiry }: { inquiry: SentInquiry }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const home = inquiry.home?.name ?? t('federation.mine.formerPartner');
  return (
    <li className="card inquiry" data-testid="sent-inquiry" data-id={inquiry.id}>
      <h2 className="card-title">
        <Link to={`/imported/${inquiry.listingId}`} data-testid="sent-inquiry-listing">
          {inquiry.listingTitle}
        </Link>
      </h2>
      <p className="muted">
        {t('federation.search.home', { name: home })} · {formatDateTime(inquiry.createdAt, labels.locale)}
      </p>
      <blockquote className="inquiry-message" data-testid="sent-inquiry-message">
        {inquiry.message}
      </blockquote>
      <p>
        <DeliveryState delivery={inquiry.delivery} name={home} testId="sent-inquiry-delivery" />
      </p>
      <h3>{t('federation.mine.answers', { count: inquiry.answers.length })}</h3>
      {inquiry.answers.length === 0 ? (
        <p className="muted" data-testid="sent-inquiry-no-answer">
          {t('federation.mine.noAnswer')}
        </p>
      ) : (
        <ol className="inquiry-answers">
          {inquiry.answers.map((a) => (
            <li key={a.id} data-testid="inquiry-answer" data-id={a.id}>
              <p className="muted">
                {t('federation.mine.answeredBy', {
                  name: a.answerer.name || '—',
                  organization: a.answerer.organizationName || '—',
                  at: formatDateTime(a.answeredAt, labels.locale),
                })}
              </p>
              {a.decision && (
                <p data-testid="inquiry-answer-decision" data-decision={a.decision}>
                  <strong>{t(`federation.decisions.${a.decision}`)}</strong>
                </p>
              )}
              <p className="prose" data-testid="inquiry-answer-text">
                {a.text}
              </p>
              {a.contact && (
                <p data-testid="inquiry-answer-contact">
                  {t('federation.mine.contact')}: {a.contact.name}{' '}
                  <a href={`mailto:${a.contact.email}`}>{a.contact.email}</a>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
