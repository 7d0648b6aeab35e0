import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  patientsQueryKey,
  searchPatients,
  type PatientPage,
  type PatientSearch,
} from '../api/patients';

/** A page of results together with the search it answers. */
export interface PatientSearchResult {
  search: PatientSearch;
  page: PatientPage;
}

export function usePatientSearch(search: PatientSearch) {
  return useQuery({
    queryKey: [...patientsQueryKey, search],
    queryFn: async ({ signal }): Promise<PatientSearchResult> => ({
      search,
      page: await searchPatients(search, signal),
    }),
    // Keep the current page on screen while the next one loads. The result carries its own
    // search, so what is shown never claims to answer a query that is still on its way.
    placeholderData: keepPreviousData,
  });
}
