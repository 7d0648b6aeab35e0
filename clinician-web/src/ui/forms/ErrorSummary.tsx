import { useId, type Ref } from 'react';

export interface SummaryItem {
  /** The control (or group) to jump to, for errors that belong to a field. */
  targetId?: string;
  message: string;
}

/** Lists everything that stopped the form, with links to the fields; receives focus. */
export function ErrorSummary({
  items,
  title,
  headingLevel = 3,
  ref,
}: {
  items: SummaryItem[];
  title: string;
  /** The level that fits where the summary sits in the page's outline. */
  headingLevel?: 2 | 3;
  ref?: Ref<HTMLDivElement>;
}) {
  const titleId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div
      ref={ref}
      className="notice notice--error error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
    >
      <Heading id={titleId}>{title}</Heading>
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
