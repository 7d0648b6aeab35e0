import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LogoutForm } from '../auth/LogoutForm';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The banner both apps share: the app's name and tagline, the language switch, and, when someone
 * is logged in, who they are (`user`, as the app shows it) with the log-out button.
 */
export function AppHeader({ user, onLogout }: { user: ReactNode; onLogout?: () => void }) {
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
        {user !== null && user !== undefined && (
          <div className="app-header__user">
            {user}
            <LogoutForm {...(onLogout !== undefined ? { onLogout } : {})} />
          </div>
        )}
      </div>
    </header>
  );
}
