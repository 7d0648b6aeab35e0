import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import type { ReactNode } from 'react';

/** What a notice is about; "waiting" (stored, not yet sent) is Helsenorge's "warn". */
export type NoticeVariant = 'info' | 'success' | 'waiting' | 'error';

const VARIANTS = { info: 'info', success: 'success', waiting: 'warn', error: 'error' } as const;

/**
 * A notice in Helsenorge's NotificationPanel (colour, border and an icon that says the same as the
 * words). `role` makes it a live region where the text appears after something the patient did.
 */
export function Notice(props: {
  variant: NoticeVariant;
  role?: 'alert' | 'status';
  children: ReactNode;
}) {
  return (
    <NotificationPanel
      variant={VARIANTS[props.variant]}
      fluid
      {...(props.role ? { role: props.role } : {})}
    >
      {props.children}
    </NotificationPanel>
  );
}
