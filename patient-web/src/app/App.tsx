import { NotPatient } from './NotPatient';
import { useMe } from './useMe';
import { AppHeader } from './AppHeader';
import { MAIN_ID, SkipLink } from '@heima/web-common/ui/SkipLink';
import { PatientApp } from './PatientApp';
import { MeGate } from '@heima/web-common/auth/MeGate';
import { WelcomePage } from '@heima/web-common/ui/WelcomePage';

function Content() {
  return (
    <MeGate me={useMe()} loggedOut={<WelcomePage />}>
      {(me) => (me.roles.includes('PATIENT') ? <PatientApp me={me} /> : <NotPatient me={me} />)}
    </MeGate>
  );
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
