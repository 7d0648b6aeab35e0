import { useId, type ReactNode } from 'react';

/** A column heading: its text, or text only screen readers get (e.g. a column of buttons). */
export type Column = ReactNode | { label: string; hidden: true };

export interface ScrollTableProps {
  /** What the table shows: its caption and the name of the scrolling region. */
  caption: ReactNode;
  /** Whether the caption is only for screen readers (a heading above says the same); default yes. */
  captionHidden?: boolean;
  /** Ids of elements named before the caption (e.g. the section's heading). */
  labelledBy?: string | undefined;
  columns: readonly Column[];
  /** The body rows (`<tr>`s); row headers are `<th scope="row">`. */
  children: ReactNode;
  /** Extra class on the table. */
  className?: string;
  /** Marks the table busy while it is being refetched. */
  busy?: boolean;
}

function isHidden(column: Column): column is { label: string; hidden: true } {
  return typeof column === 'object' && column !== null && 'hidden' in column;
}

/**
 * A data table that scrolls sideways on a narrow screen instead of widening the page: the region
 * is focusable (keyboard users can scroll it) and named by the caption; the header row has
 * `scope="col"` cells.
 */
export function ScrollTable({
  caption,
  captionHidden = true,
  labelledBy,
  columns,
  children,
  className,
  busy,
}: ScrollTableProps) {
  const captionId = useId();
  return (
    <div
      className="table-scroll"
      role="region"
      aria-labelledby={labelledBy ? `${labelledBy} ${captionId}` : captionId}
      tabIndex={0}
    >
      <table className={className ? `table ${className}` : 'table'} aria-busy={busy}>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {isHidden(column) ? (
                  <span className="visually-hidden">{column.label}</span>
                ) : (
                  column
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
