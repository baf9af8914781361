import { useTranslation } from 'react-i18next';

const STEPS = ['offer', 'match', 'bid', 'deal', 'fees'] as const;

export function HowItWorks() {
  const { t } = useTranslation();
  return (
    <section className="section" id="how-it-works" aria-labelledby="how-title">
      <h2 id="how-title">{t('home.how.title')}</h2>
      <ol className="steps">
        {STEPS.map((step, i) => (
          <li key={step} className="step">
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            <h3>{t(`home.how.${step}.title`)}</h3>
            <p>{t(`home.how.${step}.body`)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
