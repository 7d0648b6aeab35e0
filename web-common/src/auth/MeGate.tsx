import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorPanel, Loading } from '../ui/Status';
import type { Me } from './me';

/**
 * What an app shows depending on who is logged in: a loading note, the error with a retry, the
 * app's welcome page for nobody, else `children(me)`.
 */
export function MeGate({
  me,
  loggedOut,
  children,
}: {
  me: UseQueryResult<Me | null>;
  loggedOut: ReactNode;
  children: (me: Me) => ReactNode;
}) {
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorPanel error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data === null) return <>{loggedOut}</>;
  return <>{children(me.data)}</>;
}
