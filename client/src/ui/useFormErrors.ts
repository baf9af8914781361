import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';
import type { Issues } from '../validation';
import { translatedFieldErrors } from '../i18n/server-errors';

/**
 * Per-field messages of a form: client-side issues translated, or the server's `details` worded
 * in the interface language from their type and limit.
 * `errorFor('keywords')` also finds `keywords.3`, since joi names array items by index.
 */
export function useFormErrors() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<unknown>(null);

  const showIssues = useCallback(
    (issues: Issues) => {
      const out: Record<string, string> = {};
      for (const [name, issue] of Object.entries(issues))
        out[name] = t(`validation.${issue.key}`, issue.params);
      setErrors(out);
      setFormError(null);
    },
    [t],
  );

  const showServerError = useCallback(
    (err: unknown) => {
      setFormError(err);
      setErrors(isApiError(err) ? translatedFieldErrors(err.details, t) : {});
    },
    [t],
  );

  const clear = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  const errorFor = useCallback(
    (name: string): string | undefined => {
      if (errors[name]) return errors[name];
      const nested = Object.keys(errors).find((key) => key.startsWith(`${name}.`));
      return nested ? errors[nested] : undefined;
    },
    [errors],
  );

  return { errors, formError, showIssues, showServerError, clear, errorFor };
}
