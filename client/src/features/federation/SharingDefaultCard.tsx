import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { getSharingDefault, setSharingDefault, sharingDefaultKey } from './federationApi';

/** The operator's default for sharing: whether organizations that never chose share their listings. */
export function SharingDefaultCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: sharingDefaultKey, queryFn: ({ signal }) => getSharingDefault(signal) });
  const change = useMutation({
    mutationFn: setSharingDefault,
    onSuccess: (value) => queryClient.setQueryData(sharingDefaultKey, value),
  });
  const current = query.data;
  return (
    <div className="card" data-testid="sharing-default">
      <h2>{t('federation.partners.sharingDefault.title')}</h2>
      <QueryStatus query={query} />
      {current && (
        <>
          <p data-testid="sharing-default-state">
            {current.shared
              ? t('federation.partners.sharingDefault.on')
              : t('federation.partners.sharingDefault.off')}
          </p>
          <button
            type="button"
            className="btn"
            disabled={change.isPending}
            onClick={() => change.mutate(!current.shared)}
            data-testid="sharing-default-toggle"
          >
            {current.shared
              ? t('federation.partners.sharingDefault.turnOff')
              : t('federation.partners.sharingDefault.turnOn')}
          </button>
        </>
      )}
      <ErrorAlert error={change.error} testId="sharing-default-error" />
    </div>
  );
}
