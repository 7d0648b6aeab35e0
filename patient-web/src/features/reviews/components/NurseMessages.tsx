import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/dates';
import type { Review } from '../api/reviews';
import { useReviews } from '../hooks/useReviews';

function about(t: ReturnType<typeof useTranslation>['t'], language: string, review: Review) {
  if (review.kind === 'MEASUREMENT') return t('review.about.MEASUREMENT');
  if (review.kind === 'RESPONSE') return t('review.about.RESPONSE');
  const date = review.sourceKey.split('/').pop() ?? '';
  return t('review.about.MISSING', { date: formatDate(date, language, 'long') });
}

/** The nurses' messages to the patient: resolved reviews with a message, newest first. */
export function NurseMessages() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const reviews = useReviews();
  const messages = (reviews.data ?? [])
    .filter((review) => review.status === 'RESOLVED' && review.message)
    .sort((a, b) => (b.reviewedAt ?? '').localeCompare(a.reviewedAt ?? ''));

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('review.messagesHeading')}</h2>
      {reviews.isPending ? (
        <p>{t('review.messagesLoading')}</p>
      ) : reviews.isError ? (
        <p>{t('review.messagesFailed')}</p>
      ) : messages.length === 0 ? (
        <p>{t('review.noMessages')}</p>
      ) : (
        <ul className="plain-list stack">
          {messages.map((review) => (
            <li key={`${review.kind}-${review.sourceKey}`} className="nurse-message">
              <p className="muted">
                {about(t, language, review)} ·{' '}
                {t('review.state.RESOLVED', {
                  name: review.reviewedBy ?? t('review.aNurse'),
                  time: review.reviewedAt ? formatDateTime(review.reviewedAt, language) : '',
                }).trim()}
              </p>
              <p className="nurse-message__text">{review.message}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('review.whoIsReviewed')}</p>
    </section>
  );
}
