import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  /** Shown between label and control, and tied to the control with aria-describedby. */
  error?: string | undefined;
  className?: string;
}

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** An error message with the hidden "Error:" prefix screen readers announce first. */
export function FieldErrorText({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="field__error">
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {message}
    </p>
  );
}

function FieldFrame(props: FieldProps & { children: ReactNode }) {
  const classes = ['field', props.error ? 'field--error' : '', props.className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} className="field__hint">
          {props.hint}
        </p>
      )}
      {props.error && <FieldErrorText id={`${props.id}-error`} message={props.error} />}
      {props.children}
    </div>
  );
}

type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

export function TextField({ id, label, hint, error, className, ...input }: InputProps) {
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      {...(className ? { className } : {})}
    >
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

type TextAreaProps = FieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

export function TextAreaField({ id, label, hint, error, className, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      {...(className ? { className } : {})}
    >
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        rows={3}
        {...textarea}
      />
    </FieldFrame>
  );
}

type SelectProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'>;

export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  children,
  ...select
}: SelectProps) {
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      {...(className ? { className } : {})}
    >
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/**
 * A group of controls (checkboxes, a row of bounds) with one legend. An error for the group as a
 * whole sits under the legend; the fieldset can take focus so an error summary can jump to it.
 */
export function FieldGroup(props: {
  id: string;
  legend: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  const classes = ['fieldset', props.error ? 'field--error' : '', props.className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={props.id}
      className={classes}
      tabIndex={-1}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={`${props.id}-hint`} className="field__hint">
          {props.hint}
        </p>
      )}
      {props.error && <FieldErrorText id={`${props.id}-error`} message={props.error} />}
      {props.children}
    </fieldset>
  );
}
