import { useTranslation } from 'react-i18next';
import type { Me } from '@heima/web-common/auth/me';
import { AppHeader as SharedAppHeader } from '@heima/web-common/ui/AppHeader';

function UserFacts({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <dl className="user-facts">
      <div>
        <dt>{t('auth.loggedInAs')}</dt>
        <dd className="user-facts__name">{me.name}</dd>
      </div>
      <div>
        <dt>{t('header.role', { count: me.roles.length })}</dt>
        <dd>{me.roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
      </div>
      <div>
        <dt>{t('header.team', { count: me.teams.length })}</dt>
        <dd>{me.teams.length > 0 ? me.teams.join(', ') : t('header.noTeam')}</dd>
      </div>
    </dl>
  );
}

export function AppHeader({ me }: { me: Me | null }) {
  return <SharedAppHeader user={me !== null ? <UserFacts me={me} /> : null} />;
}
