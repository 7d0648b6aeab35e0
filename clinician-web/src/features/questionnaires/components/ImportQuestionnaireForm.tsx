import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError, type FieldError } from '@heima/web-common/problem';
import { errorMessage } from '@heima/web-common/problemMessages';
import { describedBy, FieldErrorText } from '../../../ui/forms/FormFields';
import { Link } from '../../../lib/router';
import { titleIn, type ImportResult } from '../api/questionnaires';
import { useImportQuestionnaire } from '../hooks/useQuestionnaires';

type Failure =
  | { kind: 'no-file' }
  | { kind: 'not-json' }
  | { kind: 'server'; error: unknown; issues: FieldError[] };

/** One issue the server found, in words: a sentence we wrote for its code, else the server's. */
function IssueText({ issue }: { issue: FieldError }) {
  const { t, i18n } = useTranslation();
  const key = `questionnaireImport.issues.${issue.code}`;
  const sentence = i18n.exists(key) ? (i18n.t as (key: string) => string)(key) : null;
  return (
    <>
      {issue.field && (
        <>
          <code className="issue__field">{issue.field}</code>
          {': '}
        </>
      )}
      {sentence ?? issue.message ?? t('questionnaireImport.unknownIssue', { code: issue.code })}
      {sentence && issue.message && <span className="muted"> ({issue.message})</span>}
    </>
  );
}

/**
 * Imports a FHIR R4 Questionnaire from a `.json` file. The file is sent as it is; what the server
 * finds wrong with it is listed, one issue per line.
 */
export function ImportQuestionnaireForm() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const hint = t('questionnaireImport.hint');
  const importer = useImportQuestionnaire();
  const fileInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  const language = i18n.resolvedLanguage ?? i18n.language;

  useEffect(() => {
    if (attempt > 0) resultRef.current?.focus();
  }, [attempt]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (importer.isPending) return;
    setImported(null);
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setFailure({ kind: 'no-file' });
      fileInput.current?.focus();
      return;
    }
    const content = await file.text();
    try {
      JSON.parse(content);
    } catch {
      setFailure({ kind: 'not-json' });
      setAttempt((n) => n + 1);
      return;
    }
    importer.mutate(content, {
      onSuccess: (result) => {
        setFailure(null);
        setImported(result);
        if (fileInput.current) fileInput.current.value = '';
        setAttempt((n) => n + 1);
      },
      onError: (error) => {
        const issues = error instanceof ProblemError ? (error.problem.errors ?? []) : [];
        setFailure({ kind: 'server', error, issues });
        setAttempt((n) => n + 1);
      },
    });
  }

  const fieldError =
    failure?.kind === 'no-file'
      ? t('questionnaireImport.noFile')
      : failure?.kind === 'not-json'
        ? t('questionnaireImport.notJson')
        : undefined;

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('questionnaireImport.heading')}</h2>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className={fieldError ? 'field field--error' : 'field'}>
          <label htmlFor={inputId}>{t('questionnaireImport.file')}</label>
          <p id={`${inputId}-hint`} className="field__hint">
            {hint}
          </p>
          {fieldError && <FieldErrorText id={`${inputId}-error`} message={fieldError} />}
          <input
            ref={fileInput}
            id={inputId}
            name="questionnaire"
            type="file"
            accept=".json,application/json,application/fhir+json"
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy(inputId, hint, fieldError)}
            onChange={() => setFailure(null)}
          />
        </div>
        <button type="submit" className="button button--primary" aria-disabled={importer.isPending}>
          {importer.isPending
            ? t('questionnaireImport.importing')
            : t('questionnaireImport.submit')}
        </button>
      </form>

      <div ref={resultRef} tabIndex={-1} className="import-result">
        {failure?.kind === 'server' && (
          <div className="notice notice--error" role="alert">
            <h3>{t('questionnaireImport.failed')}</h3>
            <p>{errorMessage(i18n, failure.error)}</p>
            {failure.issues.length > 0 && (
              <>
                <p>{t('questionnaireImport.issuesIntro', { count: failure.issues.length })}</p>
                <ul className="issues">
                  {failure.issues.map((issue, index) => (
                    <li key={`${issue.field}-${issue.code}-${index}`}>
                      <IssueText issue={issue} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {failure?.kind === 'not-json' && (
          <p className="notice notice--error" role="alert">
            {t('questionnaireImport.notJson')}
          </p>
        )}
        {imported && (
          <div className="notice notice--success" role="status">
            <p>
              {t('questionnaireImport.done', {
                title: titleIn(imported.questionnaire, language),
                version: imported.questionnaire.version,
              })}{' '}
              <Link to={{ name: 'questionnaire', questionnaireId: imported.questionnaire.id }}>
                {t('questionnaireImport.open')}
              </Link>
            </p>
            {imported.warnings.length > 0 && (
              <>
                <p>{t('questionnaireImport.warnings', { count: imported.warnings.length })}</p>
                <ul className="issues">
                  {imported.warnings.map((issue, index) => (
                    <li key={`${issue.field}-${issue.code}-${index}`}>
                      <IssueText issue={issue} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
