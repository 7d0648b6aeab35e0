import { useTranslation } from 'react-i18next';
import { pageRange, type WorklistPage } from '../api/worklist';
import Button from '@helsenorge/designsystem-react/components/Button';

/** The page numbers to offer: the first, the last, and the ones beside the current (0-based). */
export function pagesToOffer(current: number, pages: number): Array<number | 'gap'> {
  const wanted = new Set([0, current - 1, current, current + 1, pages - 1]);
  const offered = [...wanted].filter((p) => p >= 0 && p < pages).sort((a, b) => a - b);
  const withGaps: Array<number | 'gap'> = [];
  offered.forEach((p, i) => {
    const previous = offered[i - 1];
    if (previous !== undefined && p - previous > 1) withGaps.push('gap');
    withGaps.push(p);
  });
  return withGaps;
}

/**
 * Previous / next and a few page numbers under the worklist. The buttons stay focusable at the
 * ends (aria-disabled, not disabled) so the keyboard focus is not lost when a page turns.
 */
export function WorklistPager({
  page,
  onPage,
  label,
}: {
  page: Pick<WorklistPage, 'page' | 'size' | 'total'> & { items: readonly unknown[] };
  onPage: (page: number) => void;
  /** The navigation's name, when there is more than one pager on the page. */
  label?: string;
}) {
  const { t } = useTranslation();
  const { from, to, pages } = pageRange(page);
  const current = page.page;
  const go = (target: number) => {
    if (target >= 0 && target < pages && target !== current) onPage(target);
  };
  const atStart = current <= 0;
  const atEnd = current >= pages - 1;
  return (
    <nav className="wl-pager" aria-label={label ?? t('worklist.paging.label')}>
      <p className="list-status wl-pager__range">
        {t('worklist.paging.range', { from, to, total: page.total })}
      </p>
      <ul className="wl-pager__pages">
        <li>
          <Button
            type="button"
            variant="outline"
            aria-label={t('worklist.paging.previousLabel')}
            aria-disabled={atStart}
            onClick={() => go(current - 1)}
          >
            {t('worklist.paging.previous')}
          </Button>
        </li>
        {pagesToOffer(current, pages).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="wl-pager__gap">
              …
            </li>
          ) : (
            <li key={p}>
              <Button
                type="button"
                className="wl-pager__page"
                variant="outline"
                aria-label={t('worklist.paging.goTo', { page: p + 1 })}
                aria-current={p === current ? 'page' : undefined}
                onClick={() => go(p)}
              >
                {p + 1}
              </Button>
            </li>
          ),
        )}
        <li>
          <Button
            type="button"
            variant="outline"
            aria-label={t('worklist.paging.nextLabel')}
            aria-disabled={atEnd}
            onClick={() => go(current + 1)}
          >
            {t('worklist.paging.next')}
          </Button>
        </li>
      </ul>
      <p className="visually-hidden">{t('worklist.paging.page', { page: current + 1, pages })}</p>
    </nav>
  );
}
