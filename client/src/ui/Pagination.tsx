import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

interface PaginationProps {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

function visiblePages(page: number, pageCount: number): (number | 'gap')[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push('gap');
    out.push(p);
  });
  return out;
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" data-testid="page-prev">
          ‹ {t('pagination.previous')}
        </Link>
      ) : (
        <span className="disabled" aria-hidden="true">
          ‹ {t('pagination.previous')}
        </span>
      )}
      {visiblePages(page, pageCount).map((p, i) =>
        p === 'gap' ? (
          <span key={`gap-${i}`} className="gap" aria-hidden="true">
            …
          </span>
        ) : (
          <Link
            key={p}
            to={hrefFor(p)}
            aria-current={p === page ? 'page' : undefined}
            aria-label={t('pagination.page', { page: p })}
            data-testid={`page-${p}`}
          >
            {p}
          </Link>
        ),
      )}
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" data-testid="page-next">
          {t('pagination.next')} ›
        </Link>
      ) : (
        <span className="disabled" aria-hidden="true">
          {t('pagination.next')} ›
        </span>
      )}
    </nav>
  );
}
