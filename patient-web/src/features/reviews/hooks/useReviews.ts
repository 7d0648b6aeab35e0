import { useQuery } from '@tanstack/react-query';
import { fetchReviews, reviewsQueryKey } from '../api/reviews';

/** How often a patient looking at the app sees a nurse's note arrive. */
export const REVIEWS_POLL_MS = 30_000;

/**
 * The patient's reviews, asked for on every mount (a submission just made must find its item) and
 * again every 30 s while the page is visible (TanStack Query pauses the interval when the document
 * is hidden).
 */
export function useReviews(enabled = true) {
  return useQuery({
    queryKey: reviewsQueryKey,
    queryFn: fetchReviews,
    enabled,
    staleTime: 0,
    refetchInterval: REVIEWS_POLL_MS,
    refetchIntervalInBackground: false,
  });
}
