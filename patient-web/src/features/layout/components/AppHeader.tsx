import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/api/me';
import { LogoutForm } from '../../auth/components/LogoutForm';
import { LanguageSwitch } from '../../language/components/LanguageSwitch';

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
            <p className="user">
              <span className="user__label">{t('auth.loggedInAs')}</span>{' '}
              <strong className="user__name">{me.name}</strong>
            </p>
            <LogoutForm />
          </div>
        )}
      </div>
    </header>
  );
}
