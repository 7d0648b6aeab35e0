import { useTranslation } from 'react-i18next';

/**
 * Previous/next. At either end the button stays focusable but says it is unavailable
 * (aria-disabled), so keyboard focus is not lost when the last page is reached.
 */
export function Pager(props: {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const hasPrevious = props.page > 0;
  const hasNext = (props.page + 1) * props.size < props.total;
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={t('patients.pages')}>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={!hasPrevious}
        onClick={() => hasPrevious && props.onPage(props.page - 1)}
      >
        {t('patients.previous')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={!hasNext}
        onClick={() => hasNext && props.onPage(props.page + 1)}
      >
        {t('patients.next')}
      </button>
    </nav>
  );
}
