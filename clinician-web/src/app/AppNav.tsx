import { useTranslation } from 'react-i18next';
import { Link, type Route } from '../lib/router';
import type { Me } from '@heima/web-common/auth/me';

type NavKey =
  | 'worklist'
  | 'caseload'
  | 'patients'
  | 'admin'
  | 'questionnaires'
  | 'pathways'
  | 'outbox'
  | 'audit';

interface NavItem {
  key: NavKey;
  to: Route;
  /** Routes that count as being in this section. */
  section: Route['name'][];
}

/** The sections the person's roles give: patients for clinicians, library and pathways for admins. */
export function navItems(me: Me): NavItem[] {
  const items: NavItem[] = [];
  const clinician = me.roles.includes('CLINICIAN');
  if (clinician) {
    items.push(
      { key: 'worklist', to: { name: 'home' }, section: ['home'] },
      { key: 'caseload', to: { name: 'caseload' }, section: ['caseload'] },
      { key: 'patients', to: { name: 'patients' }, section: ['patients', 'patient'] },
    );
  }
  if (me.roles.includes('ADMIN')) {
    if (!clinician) items.push({ key: 'admin', to: { name: 'home' }, section: ['home', 'admin'] });
    items.push(
      {
        key: 'questionnaires',
        to: { name: 'questionnaires' },
        section: ['questionnaires', 'questionnaire'],
      },
      { key: 'pathways', to: { name: 'pathways' }, section: ['pathways', 'newPathway', 'pathway'] },
      { key: 'outbox', to: { name: 'outbox' }, section: ['outbox'] },
      { key: 'audit', to: { name: 'audit' }, section: ['audit'] },
    );
  }
  return items;
}

export function AppNav({ me, route }: { me: Me; route: Route }) {
  const { t } = useTranslation();
  const items = navItems(me);
  if (items.length < 2) return null;
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <Link
              to={item.to}
              aria-current={item.section.includes(route.name) ? 'page' : undefined}
            >
              {t(`nav.${item.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
