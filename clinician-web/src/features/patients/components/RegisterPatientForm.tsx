import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES } from '@heima/web-common/i18n';
import { fieldErrorMessage, problemMessage } from '@heima/web-common/problemMessages';
import { isAccessRequested, type Patient } from '../api/patients';
import {
  NO_ERRORS,
  REGISTRATION_FIELDS,
  hasErrors,
  registrationErrorsFrom,
  toRequest,
  validateRegistration,
  type RegistrationErrors,
  type RegistrationField,
  type RegistrationValues,
} from '../api/registration';
import { useRegisterPatient } from '../hooks/useRegisterPatient';
import { ErrorSummary, type SummaryItem } from '../../../ui/forms/ErrorSummary';
import { SelectField, TextField } from '../../../ui/forms/FormFields';

const fieldId = (field: RegistrationField) => `register-${field}`;

function emptyValues(teams: string[]): RegistrationValues {
  return {
    identifier: '',
    givenName: '',
    familyName: '',
    phone: '',
    email: '',
    preferredLanguage: 'nb',
    team: teams[0] ?? '',
  };
}

export function RegisterPatientForm({ teams }: { teams: string[] }) {
  const { t, i18n } = useTranslation();
  const registration = useRegisterPatient();
  const [values, setValues] = useState(() => emptyValues(teams));
  const [errors, setErrors] = useState<RegistrationErrors>(NO_ERRORS);
  const [registered, setRegistered] = useState<Patient | null>(null);
  const [requested, setRequested] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  // The team is only asked for when there is a choice to make.
  const showTeam = teams.length > 1;
  const shownFields = REGISTRATION_FIELDS.filter((field) => field !== 'team' || showTeam);

  // Move focus to the summary after a failed attempt, so the errors are heard and seen first.
  useEffect(() => {
    if (attempt > 0 && hasErrors(errors)) summaryRef.current?.focus();
  }, [attempt, errors]);

  function update<K extends keyof RegistrationValues>(field: K, value: RegistrationValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (registration.isPending) return;
    setRegistered(null);
    setRequested(false);
    const clientErrors = validateRegistration(values);
    if (hasErrors(clientErrors)) {
      setErrors(clientErrors);
      setAttempt((n) => n + 1);
      return;
    }
    registration.mutate(toRequest(values), {
      onSuccess: (result) => {
        setErrors(NO_ERRORS);
        setValues(emptyValues(teams));
        if (isAccessRequested(result)) setRequested(true);
        else setRegistered(result);
      },
      onError: (error) => {
        setErrors(registrationErrorsFrom(error, shownFields));
        setAttempt((n) => n + 1);
      },
    });
  }

  const fieldMessage = (field: RegistrationField) => {
    const error = errors.fields[field];
    return error ? fieldErrorMessage(i18n, error) : undefined;
  };

  const summaryItems: SummaryItem[] = [
    ...shownFields.flatMap((field) => {
      const message = fieldMessage(field);
      return message ? [{ targetId: fieldId(field), message }] : [];
    }),
    ...errors.general.map((entry) => ({
      message:
        entry.kind === 'field'
          ? fieldErrorMessage(i18n, entry.error)
          : problemMessage(i18n, entry.problem),
    })),
  ];

  return (
    <section className="card" aria-labelledby="register-heading">
      <h2 id="register-heading">{t('register.heading')}</h2>
      {summaryItems.length > 0 && (
        <ErrorSummary ref={summaryRef} items={summaryItems} title={t('register.errorSummary')} />
      )}
      {registered && (
        <p className="notice notice--success" role="status">
          {t('register.success', { name: `${registered.givenName} ${registered.familyName}` })}
        </p>
      )}
      {requested && (
        <p className="notice" role="status">
          {t('register.accessRequested')}
        </p>
      )}
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id={fieldId('identifier')}
          name="identifier"
          label={t('register.identifier')}
          hint={t('register.identifierHint')}
          error={fieldMessage('identifier')}
          inputMode="numeric"
          autoComplete="off"
          value={values.identifier}
          onChange={(event) => update('identifier', event.target.value)}
        />
        <TextField
          id={fieldId('givenName')}
          name="givenName"
          label={t('register.givenName')}
          error={fieldMessage('givenName')}
          autoComplete="off"
          value={values.givenName}
          onChange={(event) => update('givenName', event.target.value)}
        />
        <TextField
          id={fieldId('familyName')}
          name="familyName"
          label={t('register.familyName')}
          error={fieldMessage('familyName')}
          autoComplete="off"
          value={values.familyName}
          onChange={(event) => update('familyName', event.target.value)}
        />
        <TextField
          id={fieldId('phone')}
          name="phone"
          type="tel"
          label={t('register.phone')}
          error={fieldMessage('phone')}
          autoComplete="off"
          value={values.phone}
          onChange={(event) => update('phone', event.target.value)}
        />
        <TextField
          id={fieldId('email')}
          name="email"
          type="email"
          label={t('register.email')}
          error={fieldMessage('email')}
          autoComplete="off"
          value={values.email}
          onChange={(event) => update('email', event.target.value)}
        />
        <SelectField
          id={fieldId('preferredLanguage')}
          name="preferredLanguage"
          label={t('register.preferredLanguage')}
          error={fieldMessage('preferredLanguage')}
          value={values.preferredLanguage}
          onChange={(event) =>
            update('preferredLanguage', event.target.value === 'en' ? 'en' : 'nb')
          }
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </SelectField>
        {showTeam && (
          <SelectField
            id={fieldId('team')}
            name="team"
            label={t('register.team')}
            error={fieldMessage('team')}
            value={values.team}
            onChange={(event) => update('team', event.target.value)}
          >
            {teams.map((team) => (
              <option key={team} value={team}>
                {team}
              </option>
            ))}
          </SelectField>
        )}
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={registration.isPending}
        >
          {registration.isPending ? t('register.submitting') : t('register.submit')}
        </button>
      </form>
    </section>
  );
}
