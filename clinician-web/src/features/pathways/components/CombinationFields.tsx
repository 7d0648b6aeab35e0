import { useTranslation } from 'react-i18next';
import { FieldGroup, SelectField, TextField } from '../../../ui/forms/FormFields';
import {
  MAX_CONDITIONS,
  newCombinationRow,
  newConditionRow,
  ruleCodes,
  type CombinationRow,
  type ConditionRow,
} from '../api/combinationForm';
import { fieldId, type PathwayForm } from '../api/pathwayForm';
import { RULE_LEVELS, type RuleLevel } from '../api/pathways';

function ConditionFields(props: {
  path: string;
  number: number;
  form: PathwayForm;
  row: ConditionRow;
  removable: boolean;
  onChange: (row: ConditionRow) => void;
  onRemove: () => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { path, row, form, errorAt } = props;
  const codes = ruleCodes(form, row.activityId);
  // a stored code no rule is on any more stays visible, so the server can say what is wrong
  if (row.code !== '' && !codes.includes(row.code)) codes.push(row.code);
  return (
    <FieldGroup
      id={fieldId(path)}
      legend={t('pathwayEditor.combinations.condition', { number: props.number })}
      error={errorAt(path)}
      className="fieldset--plain"
    >
      <div className="form-grid">
        <SelectField
          id={fieldId(`${path}.activityId`)}
          label={t('pathwayEditor.combinations.activity')}
          error={errorAt(`${path}.activityId`)}
          value={row.activityId}
          onChange={(event) => props.onChange({ ...row, activityId: event.target.value, code: '' })}
        >
          <option value="">{t('pathwayEditor.combinations.chooseActivity')}</option>
          {form.activities.map((a) => (
            <option key={a.key} value={a.id}>
              {a.title.trim() || a.titleEn.trim() || a.id} ({a.id})
            </option>
          ))}
          {row.activityId !== '' && !form.activities.some((a) => a.id === row.activityId) && (
            <option value={row.activityId}>{row.activityId}</option>
          )}
        </SelectField>
        <SelectField
          id={fieldId(`${path}.code`)}
          label={t('pathwayEditor.combinations.code')}
          hint={t('pathwayEditor.combinations.codeHint')}
          error={errorAt(`${path}.code`)}
          value={row.code}
          onChange={(event) => props.onChange({ ...row, code: event.target.value })}
        >
          <option value="">{t('pathwayEditor.combinations.anyRule')}</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={fieldId(`${path}.atLeast`)}
          label={t('pathwayEditor.combinations.atLeast')}
          error={errorAt(`${path}.atLeast`)}
          value={row.atLeast}
          onChange={(event) =>
            props.onChange({ ...row, atLeast: event.target.value as ConditionRow['atLeast'] })
          }
        >
          <option value="">{t('pathwayEditor.combinations.yellowOrRed')}</option>
          <option value="RED">{t('pathwayEditor.combinations.redOnly')}</option>
        </SelectField>
      </div>
      {props.removable && (
        <button type="button" className="button button--secondary" onClick={props.onRemove}>
          {t('pathwayEditor.combinations.removeCondition', { number: props.number })}
        </button>
      )}
    </FieldGroup>
  );
}

function RuleFields(props: {
  index: number;
  form: PathwayForm;
  row: CombinationRow;
  onChange: (row: CombinationRow, structural?: boolean) => void;
  onRemove: () => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { row, index, errorAt } = props;
  const path = `combinations[${index}]`;
  const setCondition = (c: number, condition: ConditionRow) =>
    props.onChange({
      ...row,
      conditions: row.conditions.map((x, i) => (i === c ? condition : x)),
    });
  return (
    <FieldGroup
      id={fieldId(path)}
      legend={t('pathwayEditor.combinations.rule', { number: index + 1 })}
      error={errorAt(path)}
      className="activity"
    >
      <div className="form-grid">
        <TextField
          id={fieldId(`${path}.id`)}
          label={t('pathwayEditor.combinations.id')}
          hint={t('pathwayEditor.activity.idHint')}
          error={errorAt(`${path}.id`)}
          autoComplete="off"
          spellCheck={false}
          value={row.id}
          onChange={(event) => props.onChange({ ...row, id: event.target.value })}
        />
        <TextField
          id={fieldId(`${path}.withinDays`)}
          label={t('pathwayEditor.combinations.withinDays')}
          error={errorAt(`${path}.withinDays`)}
          inputMode="numeric"
          autoComplete="off"
          value={row.withinDays}
          onChange={(event) => props.onChange({ ...row, withinDays: event.target.value })}
        />
        <SelectField
          id={fieldId(`${path}.level`)}
          label={t('pathwayEditor.combinations.level')}
          error={errorAt(`${path}.level`)}
          value={row.level}
          onChange={(event) => props.onChange({ ...row, level: event.target.value as RuleLevel })}
        >
          {RULE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`pathwayEditor.rules.levels.${level}`)}
            </option>
          ))}
        </SelectField>
        {(['nb', 'en'] as const).map((language) => (
          <TextField
            key={language}
            id={fieldId(`${path}.description.${language}`)}
            label={t(`pathwayEditor.combinations.description.${language}`)}
            error={errorAt(`${path}.description.${language}`)}
            autoComplete="off"
            lang={language}
            value={row.description[language]}
            onChange={(event) =>
              props.onChange({
                ...row,
                description: { ...row.description, [language]: event.target.value },
              })
            }
          />
        ))}
      </div>
      <div id={fieldId(`${path}.conditions`)} tabIndex={-1}>
        {errorAt(`${path}.conditions`) && (
          <p className="field__error">{errorAt(`${path}.conditions`)}</p>
        )}
      </div>
      {row.conditions.map((condition, c) => (
        <ConditionFields
          key={condition.key}
          path={`${path}.conditions[${c}]`}
          number={c + 1}
          form={props.form}
          row={condition}
          removable={row.conditions.length > 2}
          onChange={(next) => setCondition(c, next)}
          onRemove={() =>
            props.onChange({ ...row, conditions: row.conditions.filter((_, i) => i !== c) }, true)
          }
          errorAt={errorAt}
        />
      ))}
      <div className="button-row">
        {row.conditions.length < MAX_CONDITIONS && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              props.onChange({ ...row, conditions: [...row.conditions, newConditionRow()] }, true)
            }
          >
            {t('pathwayEditor.combinations.addCondition')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={props.onRemove}>
          {t('pathwayEditor.combinations.remove', { number: index + 1 })}
        </button>
      </div>
    </FieldGroup>
  );
}

/**
 * Combination rules: signals of two or more activities together within some days give a level,
 * e.g. weight up 2 kg in 3 days AND more breathless → red. Each condition builds on a rule of its
 * activity (a bound, a trend or an answer trigger).
 */
export function CombinationFields(props: {
  form: PathwayForm;
  headingLevel: 2 | 3;
  onChange: (rows: CombinationRow[], structural: boolean) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const rows = props.form.combinations;
  return (
    <section className="card stack" aria-labelledby="pathway-combinations">
      <Heading id="pathway-combinations">{t('pathwayEditor.combinations.legend')}</Heading>
      <p className="muted">{t('pathwayEditor.combinations.hint')}</p>
      <div id={fieldId('combinations')} tabIndex={-1}>
        {props.errorAt('combinations') ? (
          <p className="field__error">{props.errorAt('combinations')}</p>
        ) : (
          rows.length === 0 && <p>{t('pathwayEditor.combinations.none')}</p>
        )}
      </div>
      {rows.map((row, index) => (
        <RuleFields
          key={row.key}
          index={index}
          form={props.form}
          row={row}
          onChange={(next, structural = false) =>
            props.onChange(
              rows.map((r, i) => (i === index ? next : r)),
              structural,
            )
          }
          onRemove={() =>
            props.onChange(
              rows.filter((_, i) => i !== index),
              true,
            )
          }
          errorAt={props.errorAt}
        />
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => props.onChange([...rows, newCombinationRow(rows)], true)}
        >
          {t('pathwayEditor.combinations.add')}
        </button>
      </div>
    </section>
  );
}
