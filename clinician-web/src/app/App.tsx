import { NoAccess, NotFound } from './NoAccess';
import { NotClinician } from './NotClinician';
import { AdminHome } from './AdminHome';
import type { Me } from '@heima/web-common/auth/me';
import { useMe } from '@heima/web-common/auth/useMe';
import { PatientPage } from './PatientPage';
import { AppHeader } from './AppHeader';
import { MAIN_ID, SkipLink } from '@heima/web-common/ui/SkipLink';
import { MeGate } from '@heima/web-common/auth/MeGate';
import { VitalsGate } from '@heima/web-common/ui/VitalsGate';
import { AppNav } from './AppNav';
import { NewPathwayPage } from '../features/pathways/components/NewPathwayPage';
import { PathwayList } from '../features/pathways/components/PathwayList';
import { PathwayPage } from '../features/pathways/components/PathwayPage';
import { QuestionnaireLibrary } from '../features/questionnaires/components/QuestionnaireLibrary';
import { QuestionnairePage } from '../features/questionnaires/components/QuestionnairePage';
import { WelcomePage } from '@heima/web-common/ui/WelcomePage';
import { Workspace } from '../features/patients/components/Workspace';
import { CaseloadPage } from '../features/worklist/components/CaseloadPage';
import { WorklistPage } from '../features/worklist/components/WorklistPage';
import { OutboxPage } from '../features/fhiroutbox/components/OutboxPage';
import { AuditPage } from '../features/audit/components/AuditPage';
import { ExportsPage } from '../features/exports/components/ExportsPage';
import { ForecastPage } from '../features/forecast/components/ForecastPage';
import { ResponsesPage } from '../features/responses/components/ResponsesPage';
import { ConversationPage } from '../features/messages/components/ConversationPage';
import type { ReactElement } from 'react';
import { useRoute, type Route } from '../lib/router';

/** The page for a route, given what the person's roles allow. */
function Page({ me, route }: { me: Me; route: Route }) {
  const clinician = me.roles.includes('CLINICIAN');
  const admin = me.roles.includes('ADMIN');
  const onlyFor = (allowed: boolean, page: ReactElement) => (allowed ? page : <NoAccess />);
  switch (route.name) {
    case 'home':
      return clinician ? <WorklistPage me={me} /> : <AdminHome />;
    case 'caseload':
      return onlyFor(clinician, <CaseloadPage me={me} />);
    case 'patients':
      return onlyFor(clinician, <Workspace me={me} />);
    case 'outbox':
      return onlyFor(admin, <OutboxPage />);
    case 'audit':
      return onlyFor(admin, <AuditPage />);
    case 'exports':
      return onlyFor(admin, <ExportsPage />);
    case 'forecast':
      return onlyFor(admin, <ForecastPage />);
    case 'patient':
      return onlyFor(
        clinician,
        <PatientPage key={route.patientId} patientId={route.patientId} me={me} />,
      );
    case 'responses':
    case 'response':
      return onlyFor(
        clinician,
        <ResponsesPage
          key={route.patientId}
          patientId={route.patientId}
          responseId={route.name === 'response' ? route.responseId : null}
        />,
      );
    case 'messages':
      return onlyFor(
        clinician,
        <ConversationPage key={route.patientId} patientId={route.patientId} />,
      );
    case 'admin':
      return onlyFor(admin, <AdminHome />);
    case 'questionnaires':
      return onlyFor(admin, <QuestionnaireLibrary />);
    case 'questionnaire':
      return onlyFor(
        admin,
        <QuestionnairePage key={route.questionnaireId} questionnaireId={route.questionnaireId} />,
      );
    case 'pathways':
      return onlyFor(admin, <PathwayList />);
    case 'newPathway':
      return onlyFor(admin, <NewPathwayPage me={me} />);
    case 'pathway':
      return onlyFor(admin, <PathwayPage key={route.pathwayId} pathwayId={route.pathwayId} />);
    case 'notFound':
      return <NotFound />;
  }
}

function Content({ route }: { route: Route }) {
  return (
    <MeGate me={useMe()} loggedOut={<WelcomePage />}>
      {(me) =>
        me.roles.includes('CLINICIAN') || me.roles.includes('ADMIN') ? (
          <VitalsGate>
            <Page me={me} route={route} />
          </VitalsGate>
        ) : (
          <NotClinician me={me} />
        )
      }
    </MeGate>
  );
}

export function App() {
  const me = useMe();
  const route = useRoute();
  return (
    <>
      <SkipLink />
      <AppHeader me={me.data ?? null} />
      {me.data && <AppNav me={me.data} route={route} />}
      <main id={MAIN_ID} className="app-main" tabIndex={-1}>
        <Content route={route} />
      </main>
    </>
  );
}
