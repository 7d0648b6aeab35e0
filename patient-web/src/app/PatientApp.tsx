import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { href, useRoute } from '../lib/router';
import type { Me } from '@heima/web-common/auth/me';
import { AccessLogPage } from '../features/accesslog/components/AccessLogPage';
import { MeasurementsPage } from '../features/charts/components/MeasurementsPage';
import { MeasurePage } from '../features/measurements/components/MeasurePage';
import { useVitalCatalogue } from '../features/vitals/hooks/useVitalCatalogue';
import { MyPlanPage } from '../features/plan/components/MyPlanPage';
import { MessagesPage } from '../features/messages/components/MessagesPage';
import { useOutboxSender } from '../features/outbox/hooks/useOutboxSender';
import { RemindersPage } from '../features/reminders/components/RemindersPage';
import { QuestionnairePage } from '../features/questionnaire/components/QuestionnairePage';
import { TodayPage } from '../features/tasks/components/TodayPage';
import { MAIN_ID } from '@heima/web-common/ui/SkipLink';
import { BackToToday } from '../ui/BackToToday';

/** The logged-in patient's pages, one per route; the outbox sends in the background throughout. */
export function PatientApp({ me }: { me: Me }) {
  const { t } = useTranslation();
  const route = useRoute();
  const key = href(route);
  useOutboxSender(me.subject);
  // fetched at the start, so the catalogue is on the device before the network may go
  useVitalCatalogue();

  // After a page change, start reading (and tabbing) at the top of the new page.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById(MAIN_ID)?.focus();
  }, [key]);

  switch (route.name) {
    case 'today':
      return <TodayPage key={key} me={me} />;
    case 'day':
      return <TodayPage key={key} me={me} date={route.date} />;
    case 'measure':
      return (
        <MeasurePage
          key={key}
          me={me}
          {...(route.vital ? { vital: route.vital } : {})}
          {...(route.carePlanId ? { carePlanId: route.carePlanId } : {})}
          {...(route.activityId ? { activityId: route.activityId } : {})}
        />
      );
    case 'questionnaire':
      return (
        <QuestionnairePage
          key={key}
          me={me}
          carePlanId={route.carePlanId}
          activityId={route.activityId}
          date={route.date}
        />
      );
    case 'measurements':
      return <MeasurementsPage key={key} {...(route.vital ? { vital: route.vital } : {})} />;
    case 'accessLog':
      return <AccessLogPage key={key} />;
    case 'plan':
      return <MyPlanPage key={key} />;
    case 'messages':
      return <MessagesPage key={key} />;
    case 'reminders':
      return <RemindersPage key={key} />;
    case 'notFound':
      return (
        <div className="stack">
          <h1>{t('notFound.heading')}</h1>
          <BackToToday />
        </div>
      );
  }
}
