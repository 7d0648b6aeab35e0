import { useTranslation } from 'react-i18next';
import { LOGIN_PATH } from './me';

/** A plain link: logging in is a full-page navigation into the OIDC flow. */
export function LoginLink() {
  const { t } = useTranslation();
  return (
    <a className="button button--primary" href={LOGIN_PATH}>
      {t('auth.logIn')}
    </a>
  );
}
