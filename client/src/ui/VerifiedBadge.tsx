import { useTranslation } from 'react-i18next';

interface VerifiedBadgeProps {
  verified: boolean;
  testId?: string;
}

export function VerifiedBadge({ verified, testId }: VerifiedBadgeProps) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge ${verified ? 'badge-verified' : 'badge-unverified'}`}
      data-testid={testId}
      data-verified={verified}
    >
      {verified ? t('organization.verified') : t('organization.unverified')}
    </span>
  );
}
