import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CSRF_COOKIE, csrfToken } from '../../../lib/http';
import { readCookie } from '../../../lib/cookies';
import { clearOfflineCopies } from '../../../lib/offlineCopy';
import { LOGOUT_PATH } from '../api/me';

/**
 * Logging out is a real form post (the server redirects through the login provider and back), so
 * the CSRF token travels as the `_csrf` field. The value is read when the form is sent, not when it
 * is drawn, because the cookie may arrive or change in between.
 */
export function LogoutForm() {
  const { t } = useTranslation();
  const tokenField = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    // the copies that open the app offline belong to this login only
    clearOfflineCopies(window.localStorage);
    const token = readCookie(CSRF_COOKIE);
    if (token !== undefined) {
      if (tokenField.current) tokenField.current.value = token;
      return;
    }
    event.preventDefault();
    void csrfToken().then((fetched) => {
      if (tokenField.current) tokenField.current.value = fetched ?? '';
      form.submit();
    });
  }

  return (
    <form method="post" action={LOGOUT_PATH} onSubmit={onSubmit} className="logout-form">
      <input
        ref={tokenField}
        type="hidden"
        name="_csrf"
        defaultValue={readCookie(CSRF_COOKIE) ?? ''}
      />
      <button type="submit" className="button button--secondary">
        {t('auth.logOut')}
      </button>
    </form>
  );
}
