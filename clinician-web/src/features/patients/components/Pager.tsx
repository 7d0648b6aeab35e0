import { useTranslation } from 'react-i18next';
import Button from '@helsenorge/designsystem-react/components/Button';

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
      <Button
        type="button"
        variant="outline"
        aria-disabled={!hasPrevious}
        onClick={() => hasPrevious && props.onPage(props.page - 1)}
      >
        {t('patients.previous')}
      </Button>
      <Button
        type="button"
        variant="outline"
        aria-disabled={!hasNext}
        onClick={() => hasNext && props.onPage(props.page + 1)}
      >
        {t('patients.next')}
      </Button>
    </nav>
  );
}
