import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  carePlansQueryKey,
  endPlan,
  evaluatePlan,
  enrol,
  fetchTasks,
  listCarePlans,
  pausePlan,
  resumePlan,
  setPersonalThresholds,
  tasksQueryKey,
  type CarePlan,
  type Enrolment,
  type Evaluation,
  type PersonalThreshold,
} from '../api/carePlans';

export function useCarePlans(patientId: string) {
  return useQuery({
    queryKey: carePlansQueryKey(patientId),
    queryFn: ({ signal }) => listCarePlans(patientId, signal),
  });
}

export function useTasks(carePlanId: string, params: { from: string; days: number }) {
  return useQuery({
    queryKey: [...tasksQueryKey(carePlanId), params],
    queryFn: ({ signal }) => fetchTasks(carePlanId, params, signal),
  });
}

export function useEnrol(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enrolment: Enrolment) => enrol(patientId, enrolment),
    onSuccess: (plan) => {
      queryClient.setQueryData<CarePlan[]>(carePlansQueryKey(patientId), (plans) => [
        plan,
        ...(plans ?? []).filter((p) => p.id !== plan.id),
      ]);
      void queryClient.invalidateQueries({ queryKey: carePlansQueryKey(patientId) });
    },
  });
}

export type PlanChange =
  | { kind: 'pause'; reason: string; from?: string; until?: string }
  | { kind: 'resume' }
  | { kind: 'end'; reason: string }
  | { kind: 'thresholds'; thresholds: PersonalThreshold[] }
  | ({ kind: 'evaluate' } & Evaluation);

function send(plan: CarePlan, change: PlanChange): Promise<CarePlan> {
  switch (change.kind) {
    case 'pause':
      return pausePlan(plan, {
        reason: change.reason,
        ...(change.from ? { from: change.from } : {}),
        ...(change.until ? { until: change.until } : {}),
      });
    case 'resume':
      return resumePlan(plan);
    case 'end':
      return endPlan(plan, { reason: change.reason });
    case 'thresholds':
      return setPersonalThresholds(plan, change.thresholds);
    case 'evaluate': {
      const { kind: _kind, ...evaluation } = change;
      void _kind;
      return evaluatePlan(plan, evaluation);
    }
  }
}

/**
 * Changes to one plan, each sent with the version on screen. The answer replaces the plan in the
 * patient's list (so the next change carries the new version) and the tasks are fetched again.
 */
export function useChangePlan(plan: CarePlan) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PlanChange) => send(plan, change),
    onSuccess: (updated) => {
      queryClient.setQueryData<CarePlan[]>(carePlansQueryKey(plan.patientId), (plans) =>
        (plans ?? []).map((p) => (p.id === updated.id ? updated : p)),
      );
      void queryClient.invalidateQueries({ queryKey: tasksQueryKey(plan.id) });
    },
  });
}
