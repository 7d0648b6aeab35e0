import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** Shown between label and control, and tied to the control with aria-describedby. */
  error?: string | undefined;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldFrame(props: FieldProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={props.error ? 'field field--error' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} className="field__hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="field__error">
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} {...(hint ? { hint } : {})} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...select
}: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} {...(hint ? { hint } : {})} error={error}>
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
