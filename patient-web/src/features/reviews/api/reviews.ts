import { apiFetch } from '@heima/web-common/http';

export type ReviewStatus = 'OPEN' | 'IN_PROGRESS' | 'RESOLVED';

/**
 * A clinician's follow-up of one of the patient's yellow or red submissions or missed tasks
 * (`GET /api/me/reviews`). Green submissions never get one: they need no follow-up.
 */
export interface Review {
  kind: 'MEASUREMENT' | 'RESPONSE' | 'MISSING';
  /** The measurement's or questionnaire response's id; `carePlanId/activityId/date` for MISSING. */
  sourceKey: string;
  level: 'RED' | 'YELLOW' | 'MISSING';
  status: ReviewStatus;
  /** Only when RESOLVED. */
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** The clinician's note to the patient. */
  message: string | null;
}

export const REVIEWS_PATH = '/api/me/reviews';
export const reviewsQueryKey = ['me', 'reviews'] as const;

export function fetchReviews(): Promise<Review[]> {
  return apiFetch<Review[]>(REVIEWS_PATH);
}
