import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWN_KINDS, LEVELS, SHOWS, type CaseloadFilter, type Show } from '../api/caseload';
import type { WorklistLevel } from '../api/worklist';
import Button from '@helsenorge/designsystem-react/components/Button';

/**
 * Level, kind, whose (all, mine, unassigned, overdue) and a search by name or identifier. The
 * search applies when the nurse submits it (Enter); the selects at once. "/" anywhere outside a
 * field jumps to the search.
 */
export function CaseloadFilters({
  filter,
  onChange,
}: {
  filter: CaseloadFilter;
  onChange: (filter: CaseloadFilter) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filter.q);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const jump = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', jump);
    return () => document.removeEventListener('keydown', jump);
  }, []);

  return (
    <form
      role="search"
      aria-label={t('caseload.filter.label')}
      className="cl-filters"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filter, q });
      }}
    >
      <div className="field cl-filters__search">
        <label htmlFor="cl-q">{t('caseload.filter.search')}</label>
        <p id="cl-q-hint" className="field__hint">
          {t('caseload.filter.searchHint')}
        </p>
        <div className="cl-filters__row">
          <input
            id="cl-q"
            ref={search}
            type="search"
            aria-describedby="cl-q-hint"
            value={q}
            maxLength={100}
            onChange={(event) => setQ(event.target.value)}
          />
          <Button type="submit" variant="outline">
            {t('caseload.filter.submit')}
          </Button>
        </div>
      </div>
      <div className="field">
        <label htmlFor="cl-level">{t('caseload.filter.level')}</label>
        <select
          id="cl-level"
          value={filter.level}
          onChange={(event) =>
            onChange({ ...filter, q, level: event.target.value as WorklistLevel | '' })
          }
        >
          <option value="">{t('caseload.filter.all')}</option>
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`worklist.level.${level}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cl-kind">{t('caseload.filter.kind')}</label>
        <select
          id="cl-kind"
          value={filter.kind}
          onChange={(event) => onChange({ ...filter, q, kind: event.target.value })}
        >
          <option value="">{t('caseload.filter.all')}</option>
          {KNOWN_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`caseload.kindName.${kind}`, { defaultValue: kind })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cl-show">{t('caseload.filter.show')}</label>
        <select
          id="cl-show"
          value={filter.show}
          onChange={(event) => onChange({ ...filter, q, show: event.target.value as Show })}
        >
          {SHOWS.map((show) => (
            <option key={show} value={show}>
              {t(`caseload.show.${show}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
