import { useTranslation } from 'react-i18next';
import { LoginLink } from '@heima/web-common/auth/LoginLink';

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
