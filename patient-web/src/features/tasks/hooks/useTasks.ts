import { useQuery } from '@tanstack/react-query';
import { carePlansQueryKey, fetchCarePlans, fetchTasks, tasksQueryKey } from '../api/tasks';

export function useTasks(date: string) {
  return useQuery({ queryKey: tasksQueryKey(date), queryFn: () => fetchTasks(date) });
}

export function useCarePlans() {
  return useQuery({ queryKey: carePlansQueryKey, queryFn: fetchCarePlans });
}
