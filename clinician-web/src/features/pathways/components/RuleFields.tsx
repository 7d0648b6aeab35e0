import { useTranslation } from 'react-i18next';
import { FieldGroup, SelectField, TextField } from '../../../ui/forms/FormFields';
import {
  fieldId,
  newTrendRow,
  newTriggerRow,
  type ActivityForm,
  type TrendDirection,
  type TrendRow,
  type TriggerRow,
} from '../api/pathwayForm';
import { RULE_LEVELS, type RuleLevel } from '../api/pathways';
import type { AnswerItem } from '../api/questionItems';
import { componentKey, vitalInfo, displayUnit } from '../api/vitals';
import Button from '@helsenorge/designsystem-react/components/Button';

const DIRECTIONS: readonly TrendDirection[] = ['rise', 'fall'];

function LevelSelect(props: {
  id: string;
  value: RuleLevel;
  error: string | undefined;
  onChange: (level: RuleLevel) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={props.id}
      label={t('pathwayEditor.rules.level')}
      error={props.error}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value as RuleLevel)}
    >
      {RULE_LEVELS.map((level) => (
        <option key={level} value={level}>
          {t(`pathwayEditor.rules.levels.${level}`)}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * Trend rules of a measurement: a rise or fall of at least an amount within a number of days
 * (e.g. weight up 2 kg in 3 days) raises yellow or red.
 */
export function TrendFields(props: {
  path: string;
  activity: ActivityForm;
  onChange: (rows: TrendRow[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { activity, path, errorAt } = props;
  if (activity.type !== 'MEASUREMENT' || activity.vital === '') return null;
  const vital = activity.vital;
  const components = vitalInfo(vital).components;
  const rows = activity.trends;
  const setRow = (index: number, row: TrendRow) =>
    props.onChange(rows.map((r, i) => (i === index ? row : r)));
  const componentName = (code: string) => {
    const component = components.find((c) => c.code === code);
    return component
      ? t(`vitals.components.${componentKey(component)}`, { vital: t(`vitals.names.${vital}`) })
      : code;
  };
  return (
    <FieldGroup
      id={fieldId(`${path}.trends`)}
      legend={t('pathwayEditor.trends.legend')}
      hint={t('pathwayEditor.trends.hint')}
      error={errorAt(`${path}.trends`)}
      className="fieldset--nested"
    >
      {rows.length === 0 && <p className="muted">{t('pathwayEditor.trends.none')}</p>}
      {rows.map((row, index) => {
        const rowPath = `${path}.trends[${index}]`;
        const unit = displayUnit(components.find((c) => c.code === row.code)?.unit ?? '');
        return (
          <FieldGroup
            key={row.key}
            id={fieldId(rowPath)}
            legend={t('pathwayEditor.trends.row', { number: index + 1 })}
            error={errorAt(rowPath)}
            className="fieldset--plain threshold-row"
          >
            <div className="bounds">
              {components.length > 1 || !components.some((c) => c.code === row.code) ? (
                <SelectField
                  id={fieldId(`${rowPath}.code`)}
                  label={t('pathwayEditor.trends.code')}
                  error={errorAt(`${rowPath}.code`)}
                  value={row.code}
                  onChange={(event) => setRow(index, { ...row, code: event.target.value })}
                >
                  <option value="">{t('pathwayEditor.trends.chooseCode')}</option>
                  {!components.some((c) => c.code === row.code) && row.code !== '' && (
                    <option value={row.code}>{row.code}</option>
                  )}
                  {components.map((c) => (
                    <option key={c.code} value={c.code}>
                      {componentName(c.code)}
                    </option>
                  ))}
                </SelectField>
              ) : null}
              <SelectField
                id={fieldId(`${rowPath}.direction`)}
                label={t('pathwayEditor.trends.direction')}
                value={row.direction}
                onChange={(event) =>
                  setRow(index, { ...row, direction: event.target.value as TrendDirection })
                }
              >
                {DIRECTIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`pathwayEditor.trends.directions.${d}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={fieldId(`${rowPath}.amount`)}
                label={t('pathwayEditor.trends.amount', { unit })}
                error={errorAt(`${rowPath}.amount`)}
                inputMode="decimal"
                autoComplete="off"
                value={row.amount}
                onChange={(event) => setRow(index, { ...row, amount: event.target.value })}
              />
              <TextField
                id={fieldId(`${rowPath}.windowDays`)}
                label={t('pathwayEditor.trends.windowDays')}
                error={errorAt(`${rowPath}.windowDays`)}
                inputMode="numeric"
                autoComplete="off"
                value={row.windowDays}
                onChange={(event) => setRow(index, { ...row, windowDays: event.target.value })}
              />
              <LevelSelect
                id={fieldId(`${rowPath}.level`)}
                value={row.level}
                error={errorAt(`${rowPath}.level`)}
                onChange={(level) => setRow(index, { ...row, level })}
              />
            </div>
            <p className="muted">
              {t(`pathwayEditor.trends.summary.${row.direction}`, {
                name: componentName(row.code),
                amount: row.amount.trim() === '' ? '…' : row.amount.trim(),
                unit,
                days: row.windowDays.trim() === '' ? '…' : row.windowDays.trim(),
                level: t(`pathwayEditor.rules.levels.${row.level}`),
              })}
            </p>
            <Button
              type="button"
              variant="outline"
              onClick={() => props.onChange(rows.filter((_, i) => i !== index))}
            >
              {t('pathwayEditor.trends.remove', { number: index + 1 })}
            </Button>
          </FieldGroup>
        );
      })}
      <Button
        type="button"
        variant="outline"
        onClick={() => props.onChange([...rows, newTrendRow(vital)])}
      >
        {t('pathwayEditor.trends.add')}
      </Button>
    </FieldGroup>
  );
}

/**
 * Answer triggers of a questionnaire: one answer that decides the level whatever the scores say
 * (a number at or above a value, or one of the chosen answers).
 */
export function TriggerFields(props: {
  path: string;
  activity: ActivityForm;
  questions: AnswerItem[];
  onChange: (rows: TriggerRow[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { activity, path, errorAt, questions } = props;
  if (activity.type !== 'QUESTIONNAIRE') return null;
  const rows = activity.triggers;
  const setRow = (index: number, row: TriggerRow) =>
    props.onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <FieldGroup
      id={fieldId(`${path}.triggers`)}
      legend={t('pathwayEditor.triggers.legend')}
      hint={t('pathwayEditor.triggers.hint')}
      error={errorAt(`${path}.triggers`)}
      className="fieldset--nested"
    >
      {rows.length === 0 && <p className="muted">{t('pathwayEditor.triggers.none')}</p>}
      {rows.map((row, index) => {
        const rowPath = `${path}.triggers[${index}]`;
        const question = questions.find((q) => q.linkId === row.linkId);
        const known = question !== undefined || row.linkId === '';
        const options = question?.options ?? [];
        const chosen = new Set(
          row.codes
            .split(/[,;]/)
            .map((c) => c.trim())
            .filter(Boolean),
        );
        return (
          <FieldGroup
            key={row.key}
            id={fieldId(rowPath)}
            legend={t('pathwayEditor.triggers.row', { number: index + 1 })}
            error={errorAt(rowPath)}
            className="fieldset--plain threshold-row"
          >
            {questions.length > 0 && known ? (
              <SelectField
                id={fieldId(`${rowPath}.linkId`)}
                label={t('pathwayEditor.triggers.question')}
                error={errorAt(`${rowPath}.linkId`)}
                value={row.linkId}
                onChange={(event) =>
                  setRow(index, { ...row, linkId: event.target.value, codes: '', atLeast: '' })
                }
              >
                <option value="">{t('pathwayEditor.triggers.chooseQuestion')}</option>
                {questions.map((q) => (
                  <option key={q.linkId} value={q.linkId}>
                    {q.text}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextField
                id={fieldId(`${rowPath}.linkId`)}
                label={t('pathwayEditor.triggers.question')}
                hint={t('pathwayEditor.triggers.linkIdHint')}
                error={errorAt(`${rowPath}.linkId`)}
                autoComplete="off"
                value={row.linkId}
                onChange={(event) => setRow(index, { ...row, linkId: event.target.value })}
              />
            )}
            {options.length > 0 ? (
              <fieldset className="fieldset--plain" id={fieldId(`${rowPath}.codes`)}>
                <legend>{t('pathwayEditor.triggers.answersAre')}</legend>
                {options.map((option) => (
                  <label key={option.code} className="checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.has(option.code)}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.target.checked) next.add(option.code);
                        else next.delete(option.code);
                        setRow(index, { ...row, codes: [...next].join(', ') });
                      }}
                    />{' '}
                    {option.display}
                  </label>
                ))}
              </fieldset>
            ) : (
              <TextField
                id={fieldId(`${rowPath}.codes`)}
                label={t('pathwayEditor.triggers.codes')}
                hint={t('pathwayEditor.triggers.codesHint')}
                error={errorAt(`${rowPath}.codes`)}
                autoComplete="off"
                value={row.codes}
                onChange={(event) => setRow(index, { ...row, codes: event.target.value })}
              />
            )}
            <div className="bounds">
              <TextField
                id={fieldId(`${rowPath}.atLeast`)}
                label={t('pathwayEditor.triggers.atLeast')}
                hint={t('pathwayEditor.triggers.atLeastHint')}
                error={errorAt(`${rowPath}.atLeast`)}
                inputMode="decimal"
                autoComplete="off"
                value={row.atLeast}
                onChange={(event) => setRow(index, { ...row, atLeast: event.target.value })}
              />
              <LevelSelect
                id={fieldId(`${rowPath}.level`)}
                value={row.level}
                error={errorAt(`${rowPath}.level`)}
                onChange={(level) => setRow(index, { ...row, level })}
              />
            </div>
            <Button
              type="button"
              variant="outline"
              onClick={() => props.onChange(rows.filter((_, i) => i !== index))}
            >
              {t('pathwayEditor.triggers.remove', { number: index + 1 })}
            </Button>
          </FieldGroup>
        );
      })}
      <Button
        type="button"
        variant="outline"
        onClick={() => props.onChange([...rows, newTriggerRow()])}
      >
        {t('pathwayEditor.triggers.add')}
      </Button>
    </FieldGroup>
  );
}
