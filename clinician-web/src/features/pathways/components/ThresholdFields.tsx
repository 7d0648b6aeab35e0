import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldGroup, TextField } from '../../../ui/forms/FormFields';
import type { ScoreItem } from '../../questionnaires/api/translations';
import {
  BOUNDS,
  fieldId,
  newThresholdRow,
  type ActivityForm,
  type Bound,
  type ThresholdRow,
} from '../api/pathwayForm';
import { componentKey, vitalInfo, displayUnit } from '../api/vitals';
import Button from '@helsenorge/designsystem-react/components/Button';

/** The four bounds of one value, in the order they rise. */
export function BoundInputs(props: {
  row: Pick<ThresholdRow, Bound>;
  idOf: (bound: Bound) => string;
  errorOf: (bound: Bound) => string | undefined;
  onChange: (row: Pick<ThresholdRow, Bound>) => void;
  /** Shown under each label, e.g. the pathway's own bound. */
  hintOf?: (bound: Bound) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="bounds">
      {BOUNDS.map((bound) => (
        <TextField
          key={bound}
          id={props.idOf(bound)}
          label={t(`pathwayEditor.thresholds.${bound}`)}
          hint={props.hintOf?.(bound)}
          className={`bound bound--${bound}`}
          error={props.errorOf(bound)}
          inputMode="decimal"
          autoComplete="off"
          value={props.row[bound]}
          onChange={(event) => props.onChange({ ...props.row, [bound]: event.target.value })}
        />
      ))}
    </div>
  );
}

/**
 * Triage bounds for an activity: one row per component of a measurement (fixed), or rows the
 * admin adds for a questionnaire's scores (by the score item's linkId).
 */
export function ThresholdFields(props: {
  path: string;
  activity: ActivityForm;
  scoreItems: ScoreItem[];
  onChange: (rows: ThresholdRow[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const { activity, path, errorAt } = props;
  const rows = activity.thresholds;
  const setRow = (index: number, row: ThresholdRow) =>
    props.onChange(rows.map((r, i) => (i === index ? row : r)));

  if (activity.type === 'MEASUREMENT') {
    const vital = activity.vital;
    if (vital === '') return null;
    const components = vitalInfo(vital).components;
    return (
      <FieldGroup
        id={fieldId(`${path}.thresholds`)}
        legend={t('pathwayEditor.thresholds.legend')}
        hint={t('pathwayEditor.thresholds.hint')}
        error={errorAt(`${path}.thresholds`)}
        className="fieldset--nested"
      >
        {rows.map((row, index) => {
          const component = components.find((c) => c.code === row.code);
          const rowPath = `${path}.thresholds[${index}]`;
          return (
            <FieldGroup
              key={row.key}
              id={fieldId(rowPath)}
              legend={t('pathwayEditor.thresholds.componentLegend', {
                name: t(`vitals.components.${component ? componentKey(component) : 'value'}`, {
                  vital: t(`vitals.names.${vital}`),
                }),
                code: row.code,
                unit: displayUnit(component?.unit ?? ''),
              })}
              error={errorAt(rowPath)}
              className="fieldset--plain threshold-row"
            >
              <BoundInputs
                row={row}
                idOf={(bound) => fieldId(`${rowPath}.${bound}`)}
                errorOf={(bound) => errorAt(`${rowPath}.${bound}`)}
                onChange={(next) => setRow(index, { ...row, ...next })}
              />
            </FieldGroup>
          );
        })}
      </FieldGroup>
    );
  }

  return (
    <FieldGroup
      id={fieldId(`${path}.thresholds`)}
      legend={t('pathwayEditor.thresholds.scoreLegend')}
      hint={t('pathwayEditor.thresholds.scoreHint')}
      error={errorAt(`${path}.thresholds`)}
      className="fieldset--nested"
    >
      {props.scoreItems.length > 0 && (
        <datalist id={listId}>
          {props.scoreItems.map((item) => (
            <option key={item.linkId} value={item.linkId}>
              {item.text}
            </option>
          ))}
        </datalist>
      )}
      {rows.length === 0 && <p className="muted">{t('pathwayEditor.thresholds.noScores')}</p>}
      {rows.map((row, index) => {
        const rowPath = `${path}.thresholds[${index}]`;
        return (
          <FieldGroup
            key={row.key}
            id={fieldId(rowPath)}
            legend={t('pathwayEditor.thresholds.scoreRow', { number: index + 1 })}
            error={errorAt(rowPath)}
            className="fieldset--plain threshold-row"
          >
            <TextField
              id={fieldId(`${rowPath}.code`)}
              label={t('pathwayEditor.thresholds.code')}
              hint={
                props.scoreItems.length > 0
                  ? t('pathwayEditor.thresholds.codeHintKnown', {
                      codes: props.scoreItems.map((s) => s.linkId).join(', '),
                    })
                  : t('pathwayEditor.thresholds.codeHint')
              }
              error={errorAt(`${rowPath}.code`)}
              autoComplete="off"
              list={props.scoreItems.length > 0 ? listId : undefined}
              value={row.code}
              onChange={(event) => setRow(index, { ...row, code: event.target.value })}
            />
            <BoundInputs
              row={row}
              idOf={(bound) => fieldId(`${rowPath}.${bound}`)}
              errorOf={(bound) => errorAt(`${rowPath}.${bound}`)}
              onChange={(next) => setRow(index, { ...row, ...next })}
            />
            <Button
              type="button"
              variant="outline"
              onClick={() => props.onChange(rows.filter((_, i) => i !== index))}
            >
              {t('pathwayEditor.thresholds.removeScore', { number: index + 1 })}
            </Button>
          </FieldGroup>
        );
      })}
      <Button
        type="button"
        variant="outline"
        onClick={() => props.onChange([...rows, newThresholdRow()])}
      >
        {t('pathwayEditor.thresholds.addScore')}
      </Button>
    </FieldGroup>
  );
}
