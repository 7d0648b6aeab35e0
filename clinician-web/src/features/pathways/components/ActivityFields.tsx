import { useTranslation } from 'react-i18next';
import { FieldGroup, SelectField, TextField } from '../../../ui/forms/FormFields';
import { useQuestionnaire, useQuestionnaires } from '../../questionnaires/hooks/useQuestionnaires';
import { choosable, titleIn } from '../../questionnaires/api/questionnaires';
import { localize, scoreItems } from '../../questionnaires/api/translations';
import { fieldId, thresholdRowsFor, type ActivityForm } from '../api/pathwayForm';
import { componentKey, vitalList, vitalInfo, displayUnit, isVital } from '../api/vitals';
import { ScheduleFields } from './ScheduleFields';
import { answerItems } from '../api/questionItems';
import { TrendFields, TriggerFields } from './RuleFields';
import { CollectOnlyFields } from './CollectOnlyFields';
import { ThresholdFields } from './ThresholdFields';
import Button from '@helsenorge/designsystem-react/components/Button';

const canonical = (url: string, version: string) => `${url}|${version}`;

function QuestionnairePicker(props: {
  path: string;
  activity: ActivityForm;
  onChange: (activity: ActivityForm) => void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const library = useQuestionnaires();
  const { activity } = props;
  const options = choosable(library.data ?? []);
  const chosen = canonical(activity.questionnaireUrl, activity.questionnaireVersion);
  // A pathway made earlier may point at a version that has since been retired: keep it visible.
  const current = (library.data ?? []).find((v) => canonical(v.url, v.version) === chosen);
  if (current && !options.includes(current)) options.unshift(current);

  function choose(value: string) {
    const version = options.find((v) => canonical(v.url, v.version) === value);
    props.onChange({
      ...activity,
      questionnaireUrl: version?.url ?? '',
      questionnaireVersion: version?.version ?? '',
      title: activity.title.trim() === '' && version ? titleIn(version, language) : activity.title,
    });
  }

  return (
    <SelectField
      id={fieldId(`${props.path}.questionnaire`)}
      label={t('pathwayEditor.activity.questionnaire')}
      hint={
        library.isPending
          ? t('pathwayEditor.activity.questionnairesLoading')
          : options.length === 0
            ? t('pathwayEditor.activity.noQuestionnaires')
            : t('pathwayEditor.activity.questionnaireHint')
      }
      error={props.error}
      value={activity.questionnaireUrl === '' ? '' : chosen}
      onChange={(event) => choose(event.target.value)}
    >
      <option value="">{t('pathwayEditor.activity.chooseQuestionnaire')}</option>
      {options.map((v) => (
        <option key={v.id} value={canonical(v.url, v.version)}>
          {t('pathwayEditor.activity.questionnaireOption', {
            title: titleIn(v, language),
            version: v.version,
            url: v.url,
          })}
          {v.retired ? ` (${t('questionnaires.retiredTag')})` : ''}
        </option>
      ))}
    </SelectField>
  );
}

function VitalPicker(props: {
  path: string;
  activity: ActivityForm;
  onChange: (activity: ActivityForm) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const { activity } = props;
  const vital = activity.vital;
  const hintId = `${fieldId(`${props.path}.vital`)}-codes`;
  return (
    <div>
      <SelectField
        id={fieldId(`${props.path}.vital`)}
        label={t('pathwayEditor.activity.vital')}
        error={props.error}
        value={activity.vital}
        onChange={(event) => {
          const next = isVital(event.target.value) ? event.target.value : '';
          const previousName = vital === '' ? '' : t(`vitals.names.${vital}`);
          const keepTitle = activity.title.trim() !== '' && activity.title !== previousName;
          props.onChange({
            ...activity,
            vital: next,
            title: keepTitle || next === '' ? activity.title : t(`vitals.names.${next}`),
            thresholds: thresholdRowsFor(next),
          });
        }}
      >
        <option value="">{t('pathwayEditor.activity.chooseVital')}</option>
        {vitalList().map((option) => (
          <option key={option} value={option}>
            {t('pathwayEditor.activity.vitalOption', {
              name: t(`vitals.names.${option}`),
              code: vitalInfo(option).loinc,
              unit: displayUnit(vitalInfo(option).unit),
            })}
          </option>
        ))}
      </SelectField>
      {vital !== '' && (
        <ul className="codes" id={hintId} aria-label={t('pathwayEditor.activity.components')}>
          {vitalInfo(vital).components.map((component) => (
            <li key={component.code}>
              {t(`vitals.components.${componentKey(component)}`, {
                vital: t(`vitals.names.${vital}`),
              })}
              {': '}
              {t('pathwayEditor.activity.componentFacts', {
                code: component.code,
                unit: displayUnit(component.unit),
                min: component.min,
                max: component.max,
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ActivityFields(props: {
  index: number;
  activity: ActivityForm;
  onChange: (activity: ActivityForm) => void;
  onRemove: () => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { activity, index, errorAt } = props;
  const path = `activities[${index}]`;
  const library = useQuestionnaires();
  const chosenId =
    activity.type === 'QUESTIONNAIRE'
      ? ((library.data ?? []).find(
          (v) => v.url === activity.questionnaireUrl && v.version === activity.questionnaireVersion,
        )?.id ?? null)
      : null;
  const questionnaire = useQuestionnaire(chosenId);
  const scores = questionnaire.data ? scoreItems(questionnaire.data) : [];
  const questions = questionnaire.data
    ? answerItems(
        localize(questionnaire.data, i18n.resolvedLanguage ?? i18n.language),
        t('pathwayEditor.triggers.yes'),
        t('pathwayEditor.triggers.no'),
      )
    : [];
  const typeName = t(`pathwayEditor.activity.types.${activity.type}`);

  return (
    <FieldGroup
      id={fieldId(path)}
      legend={t('pathwayEditor.activity.legend', {
        number: index + 1,
        type: typeName,
        title: activity.title.trim() === '' ? '' : `: ${activity.title.trim()}`,
      })}
      error={errorAt(path)}
      className="activity"
    >
      <div className="form-grid">
        {activity.type === 'QUESTIONNAIRE' ? (
          <QuestionnairePicker
            path={path}
            activity={activity}
            onChange={props.onChange}
            error={errorAt(`${path}.questionnaire`)}
          />
        ) : (
          <VitalPicker
            path={path}
            activity={activity}
            onChange={props.onChange}
            error={errorAt(`${path}.vital`)}
          />
        )}
        <TextField
          id={fieldId(`${path}.title`)}
          label={t('pathwayEditor.activity.title')}
          hint={t('pathwayEditor.activity.titleHint')}
          error={errorAt(`${path}.title`)}
          autoComplete="off"
          lang="nb"
          value={activity.title}
          onChange={(event) => props.onChange({ ...activity, title: event.target.value })}
        />
        <TextField
          id={fieldId(`${path}.titles.en`)}
          label={t('pathwayEditor.activity.titleEn')}
          hint={t('pathwayEditor.activity.titleEnHint')}
          error={errorAt(`${path}.titles.en`)}
          autoComplete="off"
          lang="en"
          value={activity.titleEn}
          onChange={(event) => props.onChange({ ...activity, titleEn: event.target.value })}
        />
        <TextField
          id={fieldId(`${path}.id`)}
          label={t('pathwayEditor.activity.id')}
          hint={t('pathwayEditor.activity.idHint')}
          error={errorAt(`${path}.id`)}
          autoComplete="off"
          spellCheck={false}
          value={activity.id}
          onChange={(event) => props.onChange({ ...activity, id: event.target.value })}
        />
      </div>
      {errorAt(`${path}.type`) && <p className="field__error">{errorAt(`${path}.type`)}</p>}
      <ScheduleFieldsFor {...props} path={path} />
      <ThresholdFields
        path={path}
        activity={activity}
        scoreItems={scores}
        onChange={(thresholds) => props.onChange({ ...activity, thresholds })}
        errorAt={errorAt}
      />
      <TrendFields
        path={path}
        activity={activity}
        onChange={(trends) => props.onChange({ ...activity, trends })}
        errorAt={errorAt}
      />
      <TriggerFields
        path={path}
        activity={activity}
        questions={questions}
        onChange={(triggers) => props.onChange({ ...activity, triggers })}
        errorAt={errorAt}
      />
      <CollectOnlyFields
        path={path}
        activity={activity}
        onChange={props.onChange}
        errorAt={errorAt}
      />
      <Button type="button" variant="outline" onClick={props.onRemove}>
        {t('pathwayEditor.activity.remove', { number: index + 1 })}
      </Button>
    </FieldGroup>
  );
}

function ScheduleFieldsFor(props: {
  path: string;
  activity: ActivityForm;
  onChange: (activity: ActivityForm) => void;
  errorAt: (path: string) => string | undefined;
}) {
  return (
    <ScheduleFields
      path={`${props.path}.schedule`}
      schedule={props.activity.schedule}
      onChange={(schedule) => props.onChange({ ...props.activity, schedule })}
      errorAt={props.errorAt}
    />
  );
}
