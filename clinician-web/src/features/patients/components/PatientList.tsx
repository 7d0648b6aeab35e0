import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { PAGE_SIZE } from '../api/patients';
import { usePatientSearch, type PatientSearchResult } from '../hooks/usePatientSearch';
import { Pager } from './Pager';
import { PatientTable } from './PatientTable';
import Button from '@helsenorge/designsystem-react/components/Button';

/** A fødselsnummer is often typed in groups ("010190 12345"); the server wants the digits. */
export function normalizeQuery(input: string): string {
  const trimmed = input.trim();
  return /^[\d\s]+$/.test(trimmed) ? trimmed.replace(/\s+/g, '') : trimmed;
}

function ListStatus({ result: { search, page: result } }: { result: PatientSearchResult }) {
  const { t } = useTranslation();
  const query = search.q;
  let text: string;
  if (result.total === 0) {
    text = query === '' ? t('patients.empty') : t('patients.emptyFor', { query });
  } else {
    const from = result.page * result.size + 1;
    const to = result.page * result.size + result.items.length;
    const values = { from, to, total: result.total, query };
    text = query === '' ? t('patients.range', values) : t('patients.rangeFor', values);
  }
  return (
    <p className="list-status" role="status">
      {text}
    </p>
  );
}

export function PatientList() {
  const { t } = useTranslation();
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const result = usePatientSearch({ q: query, page, size: PAGE_SIZE });

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQuery(normalizeQuery(draft));
    setPage(0);
  }

  function showAll() {
    setDraft('');
    setQuery('');
    setPage(0);
  }

  return (
    <section className="card" aria-labelledby="patient-list-heading">
      <h2 id="patient-list-heading">{t('patients.heading')}</h2>
      <form role="search" className="search" onSubmit={onSearch}>
        <label htmlFor={inputId}>{t('patients.searchLabel')}</label>
        <div className="search__row">
          <input
            id={inputId}
            type="search"
            name="q"
            autoComplete="off"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <Button type="submit">{t('patients.search')}</Button>
          {query !== '' && (
            <Button type="button" variant="outline" onClick={showAll}>
              {t('patients.showAll')}
            </Button>
          )}
        </div>
      </form>

      {result.isPending ? (
        <Loading label={t('patients.loading')} />
      ) : result.isError ? (
        <ErrorPanel error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        <>
          <ListStatus result={result.data} />
          {result.data.page.items.length > 0 && (
            <PatientTable patients={result.data.page.items} busy={result.isPlaceholderData} />
          )}
          <Pager
            page={result.data.page.page}
            size={result.data.page.size}
            total={result.data.page.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
