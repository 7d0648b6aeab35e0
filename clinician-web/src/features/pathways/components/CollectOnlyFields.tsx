import { useTranslation } from 'react-i18next';
import { FieldErrorText, FieldGroup, TextField } from '../../../ui/forms/FormFields';
import { fieldId, type ActivityForm } from '../api/pathwayForm';

/**
 * The explicit choice for an activity no rule watches: "collected, not monitored", with the
 * reason. Without it the server refuses to publish, so nobody leaves a value unwatched by accident.
 */
export function CollectOnlyFields(props: {
  path: string;
  activity: ActivityForm;
  onChange: (activity: ActivityForm) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { activity, path, errorAt } = props;
  const id = fieldId(`${path}.collectOnly`);
  const choiceError = errorAt(`${path}.collectOnly`);
  const reasonPath = `${path}.collectOnlyReason`;
  const setReason = (language: 'nb' | 'en', text: string) =>
    props.onChange({
      ...activity,
      collectOnlyReason: { ...activity.collectOnlyReason, [language]: text },
    });
  return (
    <FieldGroup
      id={fieldId(reasonPath)}
      legend={t('pathwayEditor.collectOnly.legend')}
      error={errorAt(reasonPath)}
      className="fieldset--plain"
    >
      <p className="muted">{t('pathwayEditor.collectOnly.hint')}</p>
      {choiceError && <FieldErrorText id={`${id}-error`} message={choiceError} />}
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={activity.collectOnly}
          aria-describedby={choiceError ? `${id}-error` : undefined}
          onChange={(event) => props.onChange({ ...activity, collectOnly: event.target.checked })}
        />
        <label htmlFor={id}>{t('pathwayEditor.collectOnly.choice')}</label>
      </div>
      {activity.collectOnly && (
        <div className="form-grid">
          <TextField
            id={fieldId(`${reasonPath}.nb`)}
            label={t('pathwayEditor.collectOnly.reasonNb')}
            lang="nb"
            value={activity.collectOnlyReason.nb}
            onChange={(event) => setReason('nb', event.target.value)}
          />
          <TextField
            id={fieldId(`${reasonPath}.en`)}
            label={t('pathwayEditor.collectOnly.reasonEn')}
            lang="en"
            value={activity.collectOnlyReason.en}
            onChange={(event) => setReason('en', event.target.value)}
          />
        </div>
      )}
    </FieldGroup>
  );
}
