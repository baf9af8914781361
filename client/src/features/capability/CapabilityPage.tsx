import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth';
import { AssessedSectors } from './AssessedSectors';
import { isSector } from './capabilityApi';
import { SectorAssessment } from './SectorAssessment';
import { SectorSelect } from './SectorSelect';
import './capability.css';

/** `/capability`: an enterprise's members assess its technology capability, sector by sector. */
export function CapabilityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('capability.title'));
  const { user } = useAuth();
  const org = user?.organization;
  return (
    <section className="capability-page">
      <h1>{t('capability.title')}</h1>
      <p className="lead">{t('capability.intro')}</p>
      {!org ? (
        <Notice testId="capability-not-enterprise">{t('capability.noOrganization')}</Notice>
      ) : org.kind !== 'enterprise' ? (
        <Notice testId="capability-not-enterprise">{t('capability.notEnterprise')}</Notice>
      ) : user.membershipStatus !== 'active' ? (
        <Notice testId="capability-not-enterprise">
          {t('capability.pendingMember', { name: org.name })}
        </Notice>
      ) : (
        <EnterpriseCapability orgId={org.id} />
      )}
      <p className="page-links">
        <Link to="/capabilities" data-testid="capability-directory-link">
          {t('capability.directoryLink')}
        </Link>
      </p>
    </section>
  );
}

function EnterpriseCapability({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('sector');
  const sector = isSector(chosen) ? chosen : '';
  return (
    <>
      <AssessedSectors orgId={orgId} current={sector} />
      <div className="form-field capability-sector">
        <label htmlFor="capability-sector">{t('capability.sector')}</label>
        <p className="field-hint" id="capability-sector-hint">
          {t('capability.sectorHint')}
        </p>
        <SectorSelect
          id="capability-sector"
          value={sector}
          onChange={(s) => setParams(s ? { sector: s } : {})}
          emptyLabel={t('capability.chooseSector')}
          describedBy="capability-sector-hint"
          testId="capability-sector"
        />
      </div>
      {sector && <SectorAssessment key={sector} orgId={orgId} sector={sector} />}
    </>
  );
}
