import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TAXONOMY } from '@contract/taxonomy';
import { useLabels } from '../../labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth';
import { SearchBar } from '../search';
import { HowItWorks } from './HowItWorks';

export function HomePage() {
  const { t } = useTranslation();
  const { field } = useLabels();
  const { user } = useAuth();
  const navigate = useNavigate();
  useDocumentTitle(undefined);

  return (
    <>
      <section className="hero">
        <h1>{t('home.hero.title')}</h1>
        <p className="hero-lead">{t('home.hero.lead')}</p>
        <SearchBar
          id="home-q"
          className="hero-search"
          initial=""
          onSearch={(q) => navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search')}
        />
        <div className="hero-actions">
          <Link to={user ? '/offers/new' : '/register'} className="btn btn-secondary">
            {t('home.hero.offer')}
          </Link>
          <Link to={user ? '/demands/new' : '/register'} className="btn btn-secondary">
            {t('home.hero.demand')}
          </Link>
        </div>
      </section>

      <section className="section" aria-labelledby="fields-title">
        <h2 id="fields-title">{t('home.fields')}</h2>
        <ul className="field-links">
          {TAXONOMY.map((f) => (
            <li key={f.code}>
              <Link to={`/search?field=${f.code}`} data-testid={`field-link-${f.code}`}>
                <span className="field-link-name">{field(f.code)}</span>
                <span className="field-link-count">
                  {t('home.subFieldCount', { count: f.subFields.length })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <HowItWorks />
    </>
  );
}
