import { useTranslation } from 'react-i18next';
import { FieldGroup, SelectField, TextField } from '../../../ui/forms/FormFields';
import { fieldId, type ScheduleForm } from '../api/pathwayForm';
import { SCHEDULE_KINDS, WEEKDAYS, type ScheduleKind, type Weekday } from '../api/pathways';

export function ScheduleFields(props: {
  /** Form path of the schedule, e.g. `activities[0].schedule`. */
  path: string;
  schedule: ScheduleForm;
  onChange: (schedule: ScheduleForm) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { path, schedule, onChange, errorAt } = props;
  const set = <K extends keyof ScheduleForm>(key: K, value: ScheduleForm[K]) =>
    onChange({ ...schedule, [key]: value });
  const at = (field: string) => `${path}.${field}`;

  function toggleWeekday(day: Weekday, checked: boolean) {
    const chosen = new Set(schedule.weekdays);
    if (checked) chosen.add(day);
    else chosen.delete(day);
    set(
      'weekdays',
      WEEKDAYS.filter((d) => chosen.has(d)),
    );
  }

  return (
    <FieldGroup
      id={fieldId(path)}
      legend={t('pathwayEditor.schedule.legend')}
      error={errorAt(path)}
      className="fieldset--nested"
    >
      <div className="form-grid">
        <SelectField
          id={fieldId(at('kind'))}
          label={t('pathwayEditor.schedule.kind')}
          error={errorAt(at('kind'))}
          value={schedule.kind}
          onChange={(event) => set('kind', event.target.value as ScheduleKind)}
        >
          {SCHEDULE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`pathwayEditor.schedule.kinds.${kind}`)}
            </option>
          ))}
        </SelectField>

        {schedule.kind === 'EVERY_N_DAYS' && (
          <TextField
            id={fieldId(at('intervalDays'))}
            label={t('pathwayEditor.schedule.intervalDays')}
            hint={t('pathwayEditor.schedule.intervalDaysHint')}
            error={errorAt(at('intervalDays'))}
            inputMode="numeric"
            autoComplete="off"
            value={schedule.intervalDays}
            onChange={(event) => set('intervalDays', event.target.value)}
          />
        )}

        {schedule.kind === 'RELATIVE_DAYS' && (
          <TextField
            id={fieldId(at('days'))}
            label={t('pathwayEditor.schedule.days')}
            hint={t('pathwayEditor.schedule.daysHint')}
            error={errorAt(at('days'))}
            autoComplete="off"
            value={schedule.days}
            onChange={(event) => set('days', event.target.value)}
          />
        )}
      </div>

      {schedule.kind === 'WEEKDAYS' && (
        <FieldGroup
          id={fieldId(at('weekdays'))}
          legend={t('pathwayEditor.schedule.weekdays')}
          error={errorAt(at('weekdays'))}
          className="fieldset--plain"
        >
          <div className="checkbox-row">
            {WEEKDAYS.map((day) => {
              const id = `${fieldId(at('weekdays'))}-${day}`;
              return (
                <div className="checkbox" key={day}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={schedule.weekdays.includes(day)}
                    onChange={(event) => toggleWeekday(day, event.target.checked)}
                  />
                  <label htmlFor={id}>{t(`weekdays.${day}`)}</label>
                </div>
              );
            })}
          </div>
        </FieldGroup>
      )}

      <div className="form-grid">
        <TextField
          id={fieldId(at('windowStart'))}
          type="time"
          label={t('pathwayEditor.schedule.windowStart')}
          error={errorAt(at('windowStart'))}
          value={schedule.windowStart}
          onChange={(event) => set('windowStart', event.target.value)}
        />
        <TextField
          id={fieldId(at('windowEnd'))}
          type="time"
          label={t('pathwayEditor.schedule.windowEnd')}
          error={errorAt(at('windowEnd'))}
          value={schedule.windowEnd}
          onChange={(event) => set('windowEnd', event.target.value)}
        />
        <TextField
          id={fieldId(at('durationDays'))}
          label={t('pathwayEditor.schedule.durationDays')}
          hint={t('pathwayEditor.schedule.durationDaysHint')}
          error={errorAt(at('durationDays'))}
          inputMode="numeric"
          autoComplete="off"
          value={schedule.durationDays}
          onChange={(event) => set('durationDays', event.target.value)}
        />
      </div>
    </FieldGroup>
  );
}
