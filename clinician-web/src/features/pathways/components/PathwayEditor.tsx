import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, Problem } from '@heima/web-common/problem';
import { ProblemError } from '@heima/web-common/problem';
import { problemMessage } from '@heima/web-common/problemMessages';
import { ErrorSummary, type SummaryItem } from '../../../ui/forms/ErrorSummary';
import { FieldGroup, SelectField, TextAreaField, TextField } from '../../../ui/forms/FormFields';
import {
  fieldId,
  newActivity,
  placeErrors,
  toDefinition,
  validateForm,
  type ActivityForm,
  type FormErrors,
  type PathwayForm,
} from '../api/pathwayForm';
import { LEVELS, type ActivityType, type PathwayDefinition } from '../api/pathways';
import { usePathwayErrorMessage } from '../hooks/usePathwayErrorMessage';
import { ActivityFields } from './ActivityFields';
import { CombinationFields } from './CombinationFields';

interface EditorErrors {
  fields: FormErrors;
  general: FieldError[];
  problem: Problem | null;
}

const NO_ERRORS: EditorErrors = { fields: {}, general: [], problem: null };

function hasErrors(errors: EditorErrors): boolean {
  return (
    Object.keys(errors.fields).length > 0 || errors.general.length > 0 || errors.problem !== null
  );
}

/**
 * The pathway as a form: name, descriptions, activities with schedule and thresholds, and advice.
 * The server's validation errors are shown at the field they name (or the group around it).
 */
export function PathwayEditor(props: {
  initial: PathwayForm;
  /** Offered when creating and the admin has more than one team. */
  teams?: string[];
  submitLabel: string;
  submittingLabel: string;
  onSave: (definition: PathwayDefinition, team: string | undefined) => Promise<unknown>;
  savedMessage?: string;
  /** Level of the editor's section headings: 2 on a page of its own, 3 inside a section. */
  headingLevel?: 2 | 3;
}) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const { t, i18n } = useTranslation();
  const messageFor = usePathwayErrorMessage();
  const [form, setForm] = useState<PathwayForm>(props.initial);
  const [team, setTeam] = useState(props.teams?.[0] ?? '');
  const [errors, setErrors] = useState<EditorErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const showTeam = (props.teams?.length ?? 0) > 1;

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const errorAt = (path: string): string | undefined => {
    const error = errors.fields[path];
    return error ? messageFor(error, form) : undefined;
  };

  function change(next: PathwayForm, structural = false) {
    setForm(next);
    setSaved(false);
    // Paths of server errors name positions; once activities move they would point elsewhere.
    if (structural) setErrors(NO_ERRORS);
  }

  const setActivity = (index: number, activity: ActivityForm) =>
    change({ ...form, activities: form.activities.map((a, i) => (i === index ? activity : a)) });

  function addActivity(type: ActivityType) {
    const activity = newActivity(type, form.activities);
    change({ ...form, activities: [...form.activities, activity] }, true);
    // Let the new activity render, then put the person at its first field.
    const path = `activities[${form.activities.length}]`;
    const target = type === 'QUESTIONNAIRE' ? `${path}.questionnaire` : `${path}.vital`;
    setTimeout(() => document.getElementById(fieldId(target))?.focus(), 0);
  }

  function removeActivity(index: number) {
    change({ ...form, activities: form.activities.filter((_, i) => i !== index) }, true);
    setTimeout(() => document.getElementById(fieldId('activities'))?.focus(), 0);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaved(false);
    const clientErrors = validateForm(form);
    if (Object.keys(clientErrors).length > 0) {
      setErrors({ fields: clientErrors, general: [], problem: null });
      setAttempt((n) => n + 1);
      return;
    }
    const { definition, rows } = toDefinition(form);
    setSaving(true);
    try {
      await props.onSave(definition, showTeam ? team : undefined);
      setErrors(NO_ERRORS);
      setSaved(true);
    } catch (error) {
      const problem: Problem =
        error instanceof ProblemError ? error.problem : { type: 'about:blank', status: 0 };
      const placed = placeErrors(problem.errors ?? [], form, rows);
      const next: EditorErrors = { ...placed, problem: null };
      if (!hasErrors(next)) next.problem = problem;
      setErrors(next);
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  }

  const summaryItems: SummaryItem[] = [
    ...Object.entries(errors.fields).map(([path, error]) => ({
      targetId: fieldId(path),
      message: messageFor(error, form, { withPlace: true }),
    })),
    ...errors.general.map((error) => ({
      ...(error.field === 'team' && showTeam ? { targetId: 'pathway-team' } : {}),
      message: messageFor(error, form, { withPlace: true }),
    })),
    ...(errors.problem ? [{ message: problemMessage(i18n, errors.problem) }] : []),
  ];

  return (
    <form className="form pathway-editor" noValidate onSubmit={(event) => void onSubmit(event)}>
      {summaryItems.length > 0 && (
        <ErrorSummary
          ref={summaryRef}
          items={summaryItems}
          title={t('pathwayEditor.errorSummary')}
          headingLevel={props.headingLevel ?? 2}
        />
      )}

      <section className="card stack" aria-labelledby="pathway-about">
        <Heading id="pathway-about">{t('pathwayEditor.about')}</Heading>
        <TextField
          id={fieldId('name')}
          label={t('pathwayEditor.name')}
          error={errorAt('name')}
          autoComplete="off"
          lang="nb"
          value={form.name}
          onChange={(event) => change({ ...form, name: event.target.value })}
        />
        <TextField
          id={fieldId('names.en')}
          label={t('pathwayEditor.nameEn')}
          hint={t('pathwayEditor.nameEnHint')}
          error={errorAt('names.en')}
          autoComplete="off"
          lang="en"
          value={form.nameEn}
          onChange={(event) => change({ ...form, nameEn: event.target.value })}
        />
        {showTeam && (
          <SelectField
            id="pathway-team"
            label={t('pathwayEditor.team')}
            value={team}
            onChange={(event) => setTeam(event.target.value)}
          >
            {props.teams?.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </SelectField>
        )}
        <div className="form-grid form-grid--wide">
          {(['nb', 'en'] as const).map((language) => (
            <TextAreaField
              key={language}
              id={fieldId(`description.${language}`)}
              label={t(`pathwayEditor.description.${language}`)}
              hint={t('pathwayEditor.descriptionHint')}
              error={errorAt(`description.${language}`)}
              lang={language}
              value={form.description[language]}
              onChange={(event) =>
                change({
                  ...form,
                  description: { ...form.description, [language]: event.target.value },
                })
              }
            />
          ))}
        </div>
      </section>

      <section className="card stack" aria-labelledby="pathway-activities">
        <Heading id="pathway-activities">{t('pathwayEditor.activities')}</Heading>
        <div
          id={fieldId('activities')}
          tabIndex={-1}
          className={errorAt('activities') ? 'field--error' : undefined}
        >
          {errorAt('activities') ? (
            <p className="field__error">{errorAt('activities')}</p>
          ) : (
            form.activities.length === 0 && <p>{t('pathwayEditor.noActivities')}</p>
          )}
        </div>
        {form.activities.map((activity, index) => (
          <ActivityFields
            key={activity.key}
            index={index}
            activity={activity}
            onChange={(next) => setActivity(index, next)}
            onRemove={() => removeActivity(index)}
            errorAt={errorAt}
          />
        ))}
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => addActivity('QUESTIONNAIRE')}
          >
            {t('pathwayEditor.addQuestionnaire')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => addActivity('MEASUREMENT')}
          >
            {t('pathwayEditor.addMeasurement')}
          </button>
        </div>
      </section>

      <CombinationFields
        form={form}
        headingLevel={props.headingLevel ?? 2}
        onChange={(combinations, structural) => change({ ...form, combinations }, structural)}
        errorAt={errorAt}
      />

      <section className="card stack" aria-labelledby="pathway-response-times">
        <Heading id="pathway-response-times">{t('pathwayEditor.responseTimes.heading')}</Heading>
        <p className="muted">{t('pathwayEditor.responseTimes.intro')}</p>
        <div className="form-grid">
          <TextField
            id={fieldId('responseTimes.redHours')}
            label={t('pathwayEditor.responseTimes.redHours')}
            hint={t('pathwayEditor.responseTimes.redHoursHint')}
            error={errorAt('responseTimes.redHours')}
            inputMode="numeric"
            value={form.responseTimes.redHours}
            onChange={(event) =>
              change({
                ...form,
                responseTimes: { ...form.responseTimes, redHours: event.target.value },
              })
            }
          />
          <TextField
            id={fieldId('responseTimes.yellowWorkingDays')}
            label={t('pathwayEditor.responseTimes.yellowWorkingDays')}
            hint={t('pathwayEditor.responseTimes.yellowWorkingDaysHint')}
            error={errorAt('responseTimes.yellowWorkingDays')}
            inputMode="numeric"
            value={form.responseTimes.yellowWorkingDays}
            onChange={(event) =>
              change({
                ...form,
                responseTimes: { ...form.responseTimes, yellowWorkingDays: event.target.value },
              })
            }
          />
        </div>
      </section>

      <section className="card stack" aria-labelledby="pathway-advice">
        <Heading id="pathway-advice">{t('pathwayEditor.advice')}</Heading>
        <p className="muted">{t('pathwayEditor.adviceIntro')}</p>
        {LEVELS.map((level) => (
          <FieldGroup
            key={level}
            id={fieldId(`advice.${level}`)}
            legend={<span className={`level level--${level}`}>{t(`levels.${level}.name`)}</span>}
            hint={t(`levels.${level}.meaning`)}
            className="fieldset--plain"
          >
            <div className="form-grid form-grid--wide">
              {(['nb', 'en'] as const).map((language) => (
                <TextAreaField
                  key={language}
                  id={fieldId(`advice.${level}.${language}`)}
                  label={t(`pathwayEditor.adviceText.${language}`, {
                    level: t(`levels.${level}.name`),
                  })}
                  error={errorAt(`advice.${level}.${language}`)}
                  lang={language}
                  value={form.advice[level][language]}
                  onChange={(event) =>
                    change({
                      ...form,
                      advice: {
                        ...form.advice,
                        [level]: { ...form.advice[level], [language]: event.target.value },
                      },
                    })
                  }
                />
              ))}
            </div>
          </FieldGroup>
        ))}
      </section>

      <div className="form-actions">
        {saved && props.savedMessage && (
          <p className="notice notice--success" role="status">
            {props.savedMessage}
          </p>
        )}
        <button type="submit" className="button button--primary" aria-disabled={saving}>
          {saving ? props.submittingLabel : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
