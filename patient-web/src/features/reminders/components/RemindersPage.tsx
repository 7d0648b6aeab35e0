import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '@heima/web-common/problem';
import { errorMessage, fieldErrorMessage } from '@heima/web-common/problemMessages';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import {
  CHANNELS,
  fetchReminderSettings,
  remindersQueryKey,
  saveReminderSettings,
  subscribeThisDevice,
  type Channel,
  type ReminderSettings,
} from '../api/reminders';
import { BackToToday } from '../../../ui/BackToToday';
import Button from '@helsenorge/designsystem-react/components/Button';

/** What went wrong with a save: each refused field in words, else the problem as a whole. */
function saveErrors(i18n: Parameters<typeof errorMessage>[0], error: unknown): string[] {
  if (error instanceof ProblemError && error.problem.errors && error.problem.errors.length > 0) {
    return error.problem.errors.map((e) => fieldErrorMessage(i18n, e));
  }
  return [errorMessage(i18n, error)];
}

const BEFORE_CLOSING = ['none', '30', '60', '120'] as const;

function hhmm(time: string | null, fallback: string): string {
  return time === null ? fallback : time.slice(0, 5);
}

function usable(settings: ReminderSettings, channel: Channel): boolean {
  if (!settings.offered.includes(channel)) return false;
  if (channel === 'EMAIL') return settings.hasEmail;
  if (channel === 'SMS') return settings.hasPhone;
  return true;
}

function ReminderForm({ settings }: { settings: ReminderSettings }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [channels, setChannels] = useState<Channel[]>(settings.channels);
  const [atOpening, setAtOpening] = useState(settings.atOpening);
  const [beforeClosing, setBeforeClosing] = useState<string>(
    settings.beforeClosingMinutes === null ? 'none' : String(settings.beforeClosingMinutes),
  );
  const [quiet, setQuiet] = useState(settings.quietFrom !== null);
  const [quietFrom, setQuietFrom] = useState(hhmm(settings.quietFrom, '22:00'));
  const [quietUntil, setQuietUntil] = useState(hhmm(settings.quietUntil, '07:00'));
  const [pushState, setPushState] = useState<'idle' | 'on' | 'refused'>('idle');

  const save = useMutation({
    mutationFn: () =>
      saveReminderSettings({
        channels,
        atOpening,
        beforeClosingMinutes: beforeClosing === 'none' ? null : Number(beforeClosing),
        quietFrom: quiet ? quietFrom : null,
        quietUntil: quiet ? quietUntil : null,
      }),
    onSuccess: (saved) => queryClient.setQueryData(remindersQueryKey, saved),
  });
  const device = useMutation({
    mutationFn: () => subscribeThisDevice(settings.pushKey ?? ''),
    onSuccess: (on) => {
      setPushState(on ? 'on' : 'refused');
      void queryClient.invalidateQueries({ queryKey: remindersQueryKey });
    },
  });

  const toggle = (channel: Channel, on: boolean) =>
    setChannels((current) =>
      on
        ? [...current.filter((c) => c !== channel), channel]
        : current.filter((c) => c !== channel),
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <fieldset className="card stack">
        <legend>{t('reminders.channelsLegend')}</legend>
        {CHANNELS.map((channel) => {
          const enabled = usable(settings, channel);
          const hintId = `reminder-${channel}-hint`;
          const hint = !settings.offered.includes(channel)
            ? t('reminders.notOffered')
            : channel === 'EMAIL' && !settings.hasEmail
              ? t('reminders.noEmail')
              : channel === 'SMS' && !settings.hasPhone
                ? t('reminders.noPhone')
                : null;
          return (
            <div key={channel} className="checkbox">
              <input
                type="checkbox"
                id={`reminder-${channel}`}
                checked={channels.includes(channel)}
                disabled={!enabled && !channels.includes(channel)}
                onChange={(e) => toggle(channel, e.target.checked)}
                {...(hint ? { 'aria-describedby': hintId } : {})}
              />
              <label htmlFor={`reminder-${channel}`}>{t(`reminders.channels.${channel}`)}</label>
              {hint && (
                <p id={hintId} className="field__hint">
                  {hint}
                </p>
              )}
            </div>
          );
        })}
        {settings.pushKey !== null && (
          <div className="stack">
            <p>{t('reminders.devices', { count: settings.devices })}</p>
            <Button
              type="button"
              variant="outline"
              onClick={() => device.mutate()}
              disabled={device.isPending}
            >
              {t('reminders.pushThisDevice')}
            </Button>
            <p role="status">
              {pushState === 'on'
                ? t('reminders.pushOn')
                : pushState === 'refused'
                  ? t('reminders.pushRefused')
                  : ''}
            </p>
            {device.isError && <p role="alert">{errorMessage(i18n, device.error)}</p>}
          </div>
        )}
      </fieldset>

      <fieldset className="card stack">
        <legend>{t('reminders.whenLegend')}</legend>
        <Checkbox
          id="reminder-at-opening"
          checked={atOpening}
          onChange={setAtOpening}
          label={t('reminders.atOpening')}
        />
        <div className="field">
          <label htmlFor="reminder-before-closing" className="field__label">
            {t('reminders.beforeClosing')}
          </label>
          <select
            id="reminder-before-closing"
            value={beforeClosing}
            onChange={(e) => setBeforeClosing(e.target.value)}
          >
            {BEFORE_CLOSING.map((value) => (
              <option key={value} value={value}>
                {t(`reminders.beforeClosingOptions.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset className="card stack">
        <legend>{t('reminders.quietLegend')}</legend>
        <Checkbox
          id="reminder-quiet"
          checked={quiet}
          onChange={setQuiet}
          label={t('reminders.quiet')}
        />
        {quiet && (
          <div className="field-row">
            <TimeField
              id="reminder-quiet-from"
              value={quietFrom}
              onChange={setQuietFrom}
              label={t('reminders.quietFrom')}
            />
            <TimeField
              id="reminder-quiet-until"
              value={quietUntil}
              onChange={setQuietUntil}
              label={t('reminders.quietUntil')}
            />
          </div>
        )}
      </fieldset>

      <p className="field__hint">{t('reminders.privacy')}</p>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {t('reminders.save')}
        </Button>
      </div>
      <p role="status">{save.isSuccess ? t('reminders.saved') : ''}</p>
      {save.isError && (
        <div role="alert">
          {saveErrors(i18n, save.error).map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      )}
    </form>
  );
}

/** "Reminders": how and when the patient is reminded of a task. */
export function RemindersPage() {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: remindersQueryKey,
    queryFn: ({ signal }) => fetchReminderSettings(signal),
  });
  return (
    <div className="stack">
      <h1>{t('reminders.heading')}</h1>
      <p className="lead">{t('reminders.intro')}</p>
      {settings.isPending ? (
        <Loading label={t('reminders.loading')} />
      ) : settings.isError ? (
        <ErrorPanel error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <ReminderForm settings={settings.data} />
      )}
      <BackToToday />
    </div>
  );
}

function Checkbox(props: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
}) {
  return (
    <div className="checkbox">
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

function TimeField(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  label: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id} className="field__label">
        {props.label}
      </label>
      <input
        type="time"
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
