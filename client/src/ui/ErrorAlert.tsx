import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';
import { currentLocale } from '../i18n';
import { translateServerMessage } from '../i18n/server-errors';

interface ErrorAlertProps {
  error: unknown;
  testId?: string;
}

/** A request's failure in the interface language, with the server's own words (translated) when they add something. */
export function ErrorAlert({ error, testId = 'error-alert' }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = isApiError(error) ? error.code : 'internal';
  const title = t(`errors.${code}`, { defaultValue: t('errors.internal') });
  const serverMessage =
    isApiError(error) && error.details.length === 0
      ? translateServerMessage(error.message, currentLocale(), t)
      : '';
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <strong>{title}</strong>
      {serverMessage && serverMessage !== title && <span className="alert-detail"> {serverMessage}</span>}
    </div>
  );
}
