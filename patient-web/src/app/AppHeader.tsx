import { useTranslation } from 'react-i18next';
import type { Me } from '@heima/web-common/auth/me';
import { AppHeader as SharedAppHeader } from '@heima/web-common/ui/AppHeader';
import { clearOfflineCopies } from '../lib/offlineCopy';

export function AppHeader({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  return (
    <SharedAppHeader
      user={
        me !== null ? (
          <p className="user">
            <span className="user__label">{t('auth.loggedInAs')}</span>{' '}
            <strong className="user__name">{me.name}</strong>
          </p>
        ) : null
      }
      // the copies that open the app offline belong to this login only
      onLogout={() => clearOfflineCopies(window.localStorage)}
    />
  );
}
