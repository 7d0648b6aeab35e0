import { useTranslation } from 'react-i18next';
import type { Me } from '@heima/web-common/auth/me';
import { LogoutForm } from '@heima/web-common/auth/LogoutForm';
import { LanguageSwitch } from '@heima/web-common/ui/LanguageSwitch';

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
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__top">
          <p className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </p>
          <LanguageSwitch />
        </div>
        {me !== null && (
          <div className="app-header__user">
            <UserFacts me={me} />
            <LogoutForm />
          </div>
        )}
      </div>
    </header>
  );
}
