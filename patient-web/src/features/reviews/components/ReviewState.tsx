import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import type { Assessment } from '../../triage/types';
import type { Review, ReviewStatus } from '../api/reviews';
import { useReviews } from '../hooks/useReviews';

/** Shapes as well as words, never colour alone. */
const ICONS: Record<ReviewStatus, string> = { OPEN: '○', IN_PROGRESS: '◐', RESOLVED: '✓' };

/** Whether a nurse will look at a submission with this result: only yellow and red. */
export function isReviewed(triage: Assessment): boolean {
  return Boolean(triage.couldNotAssess) || (triage.assessed && triage.level !== 'GREEN');
}

function StateText({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <>
      <span aria-hidden="true" className="review__icon">
        {ICONS[review.status]}
      </span>{' '}
      {review.status === 'RESOLVED'
        ? t('review.state.RESOLVED', {
            name: review.reviewedBy ?? t('review.aNurse'),
            time: review.reviewedAt ? formatDateTime(review.reviewedAt, language) : '',
          }).trim()
        : t(`review.state.${review.status}`)}
    </>
  );
}

function Message({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <p className="review__message">
      <span className="review__label">{t('review.messageLabel')}</span> {text}
    </p>
  );
}

/**
 * Whether a nurse has looked at one submission (a measurement or questionnaire response, by its
 * `id`), and their message. Green and unassessed results are never reviewed, and this says so.
 * `compact` is for a table cell: no heading, no live region.
 */
export function ReviewState(props: {
  sourceKey: string;
  triage: Assessment;
  headingLevel?: 2 | 3;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const reviewed = isReviewed(props.triage);
  const reviews = useReviews(reviewed);
  const review = reviews.data?.find((candidate) => candidate.sourceKey === props.sourceKey);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';

  if (props.compact) {
    if (!reviewed) return <>{props.triage.assessed ? t('review.short.notNeeded') : '–'}</>;
    if (review === undefined) {
      return <>{reviews.isPending || reviews.isFetching ? t('review.short.loading') : '–'}</>;
    }
    return (
      <>
        <StateText review={review} />
        {review.status === 'RESOLVED' && review.message && <Message text={review.message} />}
      </>
    );
  }

  let body;
  if (!reviewed) {
    body = (
      <p>
        {props.triage.assessed
          ? t('review.greenNotReviewed')
          : props.triage.collectOnly
            ? t('review.collectOnlyNotReviewed')
            : t('review.notAssessedNotReviewed')}
      </p>
    );
  } else if (review !== undefined) {
    body = (
      <>
        <p className={`review__state review__state--${review.status.toLowerCase()}`}>
          <strong>
            <StateText review={review} />
          </strong>
        </p>
        {review.status !== 'RESOLVED' && <p className="review__hint">{t('review.followAdvice')}</p>}
        {review.status === 'RESOLVED' && review.message && <Message text={review.message} />}
      </>
    );
  } else if (reviews.isPending || reviews.isFetching) {
    body = <p>{t('review.loading')}</p>;
  } else if (reviews.isError) {
    body = <p>{t('review.loadFailed')}</p>;
  } else {
    body = <p>{t('review.unknown')}</p>;
  }

  return (
    <section className="review card" aria-labelledby={headingId}>
      <Heading id={headingId} className="review__heading">
        {t('review.heading')}
      </Heading>
      <div aria-live="polite">{body}</div>
    </section>
  );
}
