import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** The control to jump to, for errors that belong to a field. */
  targetId?: string;
  message: string;
}

/** Lists everything that stopped the form, with links to the fields; receives focus. */
export function ErrorSummary({ items, ref }: { items: SummaryItem[]; ref?: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  return (
    <div
      ref={ref}
      className="notice notice--error error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="register-error-summary-title"
    >
      <h3 id="register-error-summary-title">{t('register.errorSummary')}</h3>
      <ul>
        {items.map((item, index) => (
          <li key={`${item.targetId ?? 'general'}-${index}`}>
            {item.targetId ? (
              <a
                href={`#${item.targetId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.targetId ?? '')?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
