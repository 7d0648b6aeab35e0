import { useQueries, useQuery } from '@tanstack/react-query';
import type { CarePlan } from '../../careplans/api/carePlans';
import { fetchVersion, type PublishedPathway } from '../../pathways/api/pathways';
import { fetchMeasurements, measurementsQueryKey } from '../api/measurements';

export function useMeasurements(patientId: string) {
  return useQuery({
    queryKey: measurementsQueryKey(patientId),
    queryFn: ({ signal }) => fetchMeasurements(patientId, signal),
  });
}

/** The published pathway version each plan follows (for its thresholds). */
export function usePlanPathways(plans: CarePlan[]): Map<string, PublishedPathway> {
  const results = useQueries({
    queries: plans.map((plan) => ({
      queryKey: ['pathway-version', plan.pathwayId, plan.pathwayVersion],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchVersion(plan.pathwayId, plan.pathwayVersion, signal),
      staleTime: Infinity,
    })),
  });
  const byPlan = new Map<string, PublishedPathway>();
  plans.forEach((plan, i) => {
    const data = results[i]?.data;
    if (data) byPlan.set(plan.id, data);
  });
  return byPlan;
}
