import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createPathway,
  fetchDraft,
  fetchPathway,
  fetchPreview,
  fetchVersion,
  listPathways,
  pathwayQueryKey,
  pathwaysQueryKey,
  publishPathway,
  saveDraft,
  type PathwayDefinition,
} from '../api/pathways';

export function usePathways() {
  return useQuery({ queryKey: pathwaysQueryKey, queryFn: ({ signal }) => listPathways(signal) });
}

export function usePathway(id: string) {
  return useQuery({
    queryKey: pathwayQueryKey(id),
    queryFn: ({ signal }) => fetchPathway(id, signal),
  });
}

export function useDraft(id: string) {
  return useQuery({
    queryKey: [...pathwayQueryKey(id), 'draft'],
    queryFn: ({ signal }) => fetchDraft(id, signal),
    staleTime: Infinity, // the form owns the draft while it is open
  });
}

/** Every published version, newest first (the API has no list of versions, so one request each). */
export function usePathwayVersions(id: string, latestVersion: number) {
  const versions = Array.from({ length: latestVersion }, (_, i) => latestVersion - i);
  return useQueries({
    queries: versions.map((version) => ({
      queryKey: [...pathwayQueryKey(id), 'versions', version],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchVersion(id, version, signal),
      staleTime: Infinity, // a published version never changes
    })),
  });
}

export function usePathwayVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: [...pathwayQueryKey(id), 'versions', version],
    queryFn: ({ signal }) => fetchVersion(id, version ?? 0, signal),
    enabled: version !== null && version > 0,
    staleTime: Infinity,
  });
}

export function useSchedulePreview(
  id: string,
  params: { start: string; days: number; version?: number | undefined },
) {
  return useQuery({
    queryKey: [...pathwayQueryKey(id), 'preview', params],
    queryFn: ({ signal }) => fetchPreview(id, params, signal),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(params.start),
  });
}

export function useCreatePathway() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPathway,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pathwaysQueryKey }),
  });
}

export function useSaveDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: PathwayDefinition) => saveDraft(id, definition),
    onSuccess: (summary, definition) => {
      queryClient.setQueryData(pathwayQueryKey(id), summary);
      queryClient.setQueryData([...pathwayQueryKey(id), 'draft'], definition);
      void queryClient.invalidateQueries({ queryKey: [...pathwayQueryKey(id), 'preview'] });
      void queryClient.invalidateQueries({ queryKey: pathwaysQueryKey, exact: true });
    },
  });
}

export function usePublishPathway(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => publishPathway(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pathwaysQueryKey }),
  });
}
