import { useTranslation } from 'react-i18next';
import { clearOfflineCopies } from '../../../lib/offlineCopy';
import type { Me } from '@heima/web-common/auth/me';
import { LogoutForm } from '@heima/web-common/auth/LogoutForm';
import { LanguageSwitch } from '@heima/web-common/ui/LanguageSwitch';

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
            {/* the copies that open the app offline belong to this login only */}
            <LogoutForm onLogout={() => clearOfflineCopies(window.localStorage)} />
          </div>
        )}
      </div>
    </header>
  );
}
