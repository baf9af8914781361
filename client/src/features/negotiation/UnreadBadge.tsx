import { useTranslation } from 'react-i18next';

/** The number of unread messages of a deal, for lists of deals; nothing when there are none. */
export function UnreadBadge({ count }: { count: number | undefined }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <span
      className="badge unread-badge"
      data-testid="unread-badge"
      title={t('negotiation.unread', { count })}
    >
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t('negotiation.unread', { count })}</span>
    </span>
  );
}
