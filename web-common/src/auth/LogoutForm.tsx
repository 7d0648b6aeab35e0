import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readCookie } from '../cookies';
import { CSRF_COOKIE, csrfToken } from '../http';
import { LOGOUT_PATH } from './me';

/**
 * Logging out is a real form post (the server redirects through the login provider and back), so
 * the CSRF token travels as the `_csrf` field. The value is read when the form is sent, not when it
 * is drawn, because the cookie may arrive or change in between.
 */
/** `onLogout` runs as the form is sent, e.g. to remove what this login left on the device. */
export function LogoutForm({ onLogout }: { onLogout?: () => void }) {
  const { t } = useTranslation();
  const tokenField = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    onLogout?.();
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
