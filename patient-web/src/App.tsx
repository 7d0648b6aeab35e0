import { NotPatient } from './features/access/components/NotPatient';
import { useMe } from './features/auth/hooks/useMe';
import { AppHeader } from './features/layout/components/AppHeader';
import { MAIN_ID, SkipLink } from '@heima/web-common/ui/SkipLink';
import { PatientApp } from './features/layout/components/PatientApp';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { WelcomePage } from './features/welcome/components/WelcomePage';

function Content() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorPanel error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data === null) return <WelcomePage />;
  if (!me.data.roles.includes('PATIENT')) return <NotPatient me={me.data} />;
  return <PatientApp me={me.data} />;
}

export function App() {
  const me = useMe();
  return (
    <>
      <SkipLink />
      <AppHeader me={me.data ?? null} />
      <main id={MAIN_ID} className="app-main" tabIndex={-1}>
        <Content />
      </main>
    </>
  );
}
