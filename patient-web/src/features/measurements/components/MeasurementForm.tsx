import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { instantToZonedLocal } from '../../../lib/dates';
import type { Problem } from '@heima/web-common/problem';
import { ProblemType } from '@heima/web-common/problem';
import { problemMessage } from '@heima/web-common/problemMessages';
import { formatNumber, unitText } from '../../vitals/format';
import {
  MEASURED_AT_FIELD,
  validateMeasurement,
  type EnteredValue,
  type FieldIssue,
} from '../validation';
import type { VitalComponent, VitalInfo } from '@heima/web-common/vitals';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';

export interface ValidMeasurement {
  values: EnteredValue[];
  measuredAt: Date;
}

const fieldId = (field: string) => `measure-${field}`;

/** Server field errors (`values.<code>`, `measuredAt`) as the form's own issues. */
function issuesFromProblem(
  vital: VitalInfo,
  problem: Problem,
): Record<string, FieldIssue | 'server'> {
  const issues: Record<string, FieldIssue | 'server'> = {};
  for (const error of problem.errors ?? []) {
    const match = /^values\.([^.]+)/.exec(error.field);
    const component = match ? vital.components.find((c) => c.code === match[1]) : undefined;
    if (component && error.code === 'order') issues[component.code] = { kind: 'order' };
    else if (component && error.code === 'required') {
      issues[component.code] = { kind: 'required', component };
    } else if (component) issues[component.code] = { kind: 'range', component };
    else if (error.field === MEASURED_AT_FIELD) issues[MEASURED_AT_FIELD] = 'server';
  }
  if (
    problem.type === ProblemType.measuredAtInFuture ||
    problem.type === ProblemType.measuredAtBeforeEnrolment
  ) {
    issues[MEASURED_AT_FIELD] = 'server';
  }
  return issues;
}

/**
 * The values of one vital, each with its unit, plus when it was measured. Implausible input is
 * stopped here with a sentence that says what to fix; the server's refusal (`serverProblem`) is
 * shown on the same fields.
 */
export function MeasurementForm(props: {
  /** The vital as the backend's catalogue describes it. */
  vital: VitalInfo;
  busy: boolean;
  serverProblem: Problem | null;
  onValid: (measurement: ValidMeasurement) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const summaryRef = useRef<HTMLDivElement>(null);
  const summaryHeadingId = useId();
  const components = props.vital.components;
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [measuredAt, setMeasuredAt] = useState(() => instantToZonedLocal(new Date()));
  const [issues, setIssues] = useState<Record<string, FieldIssue>>({});
  const [submitted, setSubmitted] = useState(false);

  const serverIssues = props.serverProblem
    ? issuesFromProblem(props.vital, props.serverProblem)
    : {};
  const serverSentence = props.serverProblem ? problemMessage(i18n, props.serverProblem) : null;

  const label = (component: VitalComponent) => t(`measure.value.${component.key}`);
  const range = (component: VitalComponent) => ({
    min: formatNumber(component.min, language),
    max: formatNumber(component.max, language),
    unit: unitText(t, component.unit),
  });

  function sentence(issue: FieldIssue | 'server'): string {
    if (issue === 'server') return serverSentence ?? '';
    switch (issue.kind) {
      case 'required':
        return t('measure.error.required', { name: label(issue.component) });
      case 'notANumber':
        return t('measure.error.notANumber', { name: label(issue.component) });
      case 'range':
        return t('measure.error.range', {
          name: label(issue.component),
          ...range(issue.component),
        });
      case 'order':
        return t('measure.error.order');
      case 'timeMissing':
        return t('measure.error.timeMissing');
      case 'timeInFuture':
        return t('measure.error.timeInFuture');
    }
  }

  // The form's own findings first; the server's refusal is shown until the patient sends again.
  const shown: Record<string, FieldIssue | 'server'> = { ...serverIssues, ...issues };
  const fields = [...components.map((c) => c.code), MEASURED_AT_FIELD].flatMap((field) => {
    const issue = shown[field];
    return issue ? [{ field, issue }] : [];
  });
  const formLevelServer =
    props.serverProblem !== null && Object.keys(serverIssues).length === 0 ? serverSentence : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateMeasurement(props.vital, texts, measuredAt);
    setSubmitted(true);
    if (!result.ok) {
      setIssues(result.issues);
      // Let the summary render, then take the patient to it.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setIssues({});
    props.onValid({ values: result.values, measuredAt: result.measuredAt });
  }

  const describedBy = (field: string, hint?: string) =>
    [hint, shown[field] ? `${fieldId(field)}-error` : undefined].filter(Boolean).join(' ') ||
    undefined;

  return (
    <form className="measure-form stack" noValidate onSubmit={onSubmit}>
      {(fields.length > 0 || formLevelServer) && (
        <div
          ref={summaryRef}
          className="notice notice--error error-summary"
          role="alert"
          aria-labelledby={summaryHeadingId}
          tabIndex={-1}
        >
          <h2 id={summaryHeadingId} className="error-summary__heading">
            {formLevelServer ? t('measure.notSent') : t('measure.error.summary')}
          </h2>
          {formLevelServer && <p>{formLevelServer}</p>}
          {fields.length > 0 && (
            <ul>
              {fields.map(({ field, issue }) => (
                <li key={field}>
                  <a href={`#${fieldId(field)}`}>{sentence(issue)}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {components.map((component) => {
        const id = fieldId(component.code);
        const unitId = `${id}-unit`;
        const issue = shown[component.code];
        return (
          <div key={component.code} className={`field${issue ? ' field--error' : ''}`}>
            <label htmlFor={id} className="field__label">
              {label(component)}
              {!component.required && <span className="muted"> ({t('measure.optional')})</span>}
            </label>
            <p id={`${id}-hint`} className="field__hint">
              {t('measure.rangeHint', range(component))}
            </p>
            {issue && (
              <p id={`${id}-error`} className="field__error">
                <span aria-hidden="true">! </span>
                {sentence(issue)}
              </p>
            )}
            <Input
              inputId={id}
              name={component.code}
              type="text"
              inputMode={component.decimals > 0 ? 'decimal' : 'numeric'}
              autoComplete="off"
              width={8}
              required={component.required}
              error={issue !== undefined}
              aria-describedby={describedBy(component.code, `${id}-hint ${unitId}`)}
              value={texts[component.code] ?? ''}
              onChange={(event) =>
                setTexts((current) => ({ ...current, [component.code]: event.target.value }))
              }
              rightOfInput={
                <span id={unitId} className="field__unit">
                  {unitText(t, component.unit)}
                </span>
              }
            />
          </div>
        );
      })}
      <div className={`field${shown[MEASURED_AT_FIELD] ? ' field--error' : ''}`}>
        <label htmlFor={fieldId(MEASURED_AT_FIELD)} className="field__label">
          {t('measure.measuredAt')}
        </label>
        <p id={`${fieldId(MEASURED_AT_FIELD)}-hint`} className="field__hint">
          {t('measure.measuredAtHint')}
        </p>
        {shown[MEASURED_AT_FIELD] && (
          <p id={`${fieldId(MEASURED_AT_FIELD)}-error`} className="field__error">
            <span aria-hidden="true">! </span>
            {sentence(shown[MEASURED_AT_FIELD])}
          </p>
        )}
        <input
          id={fieldId(MEASURED_AT_FIELD)}
          className="field__input"
          type="datetime-local"
          required
          aria-invalid={shown[MEASURED_AT_FIELD] ? true : undefined}
          aria-describedby={describedBy(MEASURED_AT_FIELD, `${fieldId(MEASURED_AT_FIELD)}-hint`)}
          value={measuredAt}
          onChange={(event) => setMeasuredAt(event.target.value)}
        />
      </div>
      <Button type="submit" fluid disabled={props.busy}>
        {props.busy ? t('measure.sending') : t('measure.send')}
      </Button>
      {submitted && props.busy && (
        <p role="status" className="visually-hidden">
          {t('measure.sending')}
        </p>
      )}
    </form>
  );
}
