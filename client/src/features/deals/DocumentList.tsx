import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealDocument } from './dealTypes';
import { fileSize } from '../../ui/fileSize';

/** Documents by name; a download link for those the viewer may open, a lock for the others. */
export function DocumentList({
  documents,
  actions,
}: {
  documents: DealDocument[];
  actions?: (d: DealDocument) => ReactNode;
}) {
  const { t } = useTranslation();
  if (documents.length === 0) return <p className="muted">{t('deals.documents.none')}</p>;
  return (
    <ul className="document-list">
      {documents.map((d) => (
        <li key={d.id} data-testid={`document-${d.id}`} data-confidential={d.confidential ? 'true' : 'false'}>
          <span className={`badge ${d.confidential ? 'badge-confidential' : 'badge-public'}`}>
            {d.confidential ? t('deals.documents.confidential') : t('deals.documents.public')}
          </span>{' '}
          {d.downloadable ? (
            <a href={d.url} download={d.name} data-testid={`download-${d.id}`}>
              {d.name}
            </a>
          ) : (
            <span title={t('deals.documents.locked')} data-testid={`locked-${d.id}`}>
              🔒 {d.name}
            </span>
          )}{' '}
          <span className="muted small">{fileSize(d.size)}</span>
          {actions?.(d)}
        </li>
      ))}
    </ul>
  );
}
