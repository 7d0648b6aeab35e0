import { useTranslation } from 'react-i18next';
import { LoginLink } from '../auth/LoginLink';

/** The page for someone not logged in: the app's welcome texts (`welcome.*`) and the log-in link. */
export function WelcomePage() {
  const { t } = useTranslation();
  return (
    <div className="welcome">
      <h1>{t('welcome.heading')}</h1>
      <p className="lead">{t('welcome.intro')}</p>
      <p>{t('welcome.loginHint')}</p>
      <LoginLink />
    </div>
  );
}
