import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth';
import { ExpertProfileForm } from './ExpertProfileForm';
import { expertKeys, myExpertProfile } from './expertsApi';
import './experts.css';

/** `/experts/me`: an expert's own profile (operators grant the role; others are told so). */
export function ExpertProfilePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  useDocumentTitle(t('experts.profile.title'));
  const isExpert = user?.role === 'expert';
  const query = useQuery({
    queryKey: expertKeys.mine,
    queryFn: ({ signal }) => myExpertProfile(signal),
    enabled: isExpert,
  });
  return (
    <section className="experts-page">
      <h1>{t('experts.profile.title')}</h1>
      {!isExpert ? (
        <Notice tone="info" testId="expert-profile-not-expert">
          {t('experts.profile.notExpert')}
        </Notice>
      ) : (
        <>
          <p className="lead">{t('experts.profile.intro')}</p>
          {query.data === null && (
            <Notice tone="info" testId="expert-profile-first">
              {t('experts.profile.first')}
            </Notice>
          )}
          <QueryStatus query={query} />
          {query.data !== undefined && <ExpertProfileForm profile={query.data} />}
        </>
      )}
      <p className="page-links">
        <Link to="/experts">{t('experts.profile.toDirectory')}</Link>
        {isExpert && (
          <>
            {' · '}
            <Link to="/appraisals">{t('experts.profile.toAppraisals')}</Link>
          </>
        )}
      </p>
    </section>
  );
}
