import { CSRF_HEADER, apiFetch, csrfToken } from '@heima/web-common/http';
import { ProblemError, ProblemType, isProblem } from '@heima/web-common/problem';

/** One column of the cohort CSV (`GET /api/admin/exports/dictionary`). */
export interface DictionaryEntry {
  name: string;
  type: string;
  nb: string;
  en: string;
}

export interface CohortChoice {
  team: string;
  pathway: string;
  pseudonymise: boolean;
}

export const BULK_TYPES = ['Patient', 'Observation', 'QuestionnaireResponse', 'Flag'] as const;

export function fetchDictionary(signal?: AbortSignal): Promise<DictionaryEntry[]> {
  return apiFetch<DictionaryEntry[]>('/api/admin/exports/dictionary', signal ? { signal } : {});
}

function cohortParams(choice: CohortChoice): URLSearchParams {
  const params = new URLSearchParams();
  if (choice.team.trim()) params.set('team', choice.team.trim());
  if (choice.pathway.trim()) params.set('pathway', choice.pathway.trim());
  if (choice.pseudonymise) params.set('pseudonymise', 'true');
  return params;
}

/** Where the browser downloads the CSV (streamed by the server straight to the file). */
export function csvHref(choice: CohortChoice, from: string, to: string): string {
  const params = cohortParams(choice);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const query = params.toString();
  return `/api/admin/exports/cohort.csv${query ? `?${query}` : ''}`;
}

/** The path part of a URL the server gave (it names itself by its own host). */
function pathOf(url: string): string {
  return new URL(url, window.location.origin).pathname;
}

async function failure(response: Response): Promise<ProblemError> {
  try {
    const body: unknown = await response.json();
    if (isProblem(body)) return new ProblemError({ ...body, type: body.type ?? 'about:blank' });
  } catch {
    // no problem body: made from the status below
  }
  return new ProblemError({ type: 'about:blank', status: response.status });
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ProblemError({ type: ProblemType.network, status: 0 });
  }
}

/** Kick-off (Bulk Data async pattern): the status path from `Content-Location`. */
export async function startBulkExport(
  choice: CohortChoice,
  types: string[],
  since: string,
): Promise<string> {
  const params = cohortParams(choice);
  if (types.length > 0 && types.length < BULK_TYPES.length) params.set('_type', types.join(','));
  if (since) params.set('_since', new Date(since).toISOString());
  const query = params.toString();
  const response = await send(`/api/fhir/$export${query ? `?${query}` : ''}`, {
    headers: { Accept: 'application/fhir+json', Prefer: 'respond-async' },
  });
  const location = response.headers.get('Content-Location');
  if (response.status !== 202 || location === null) throw await failure(response);
  return pathOf(location);
}

export interface ManifestFile {
  type: string;
  url: string;
  count: number;
}

export type BulkStatus =
  | { state: 'running'; progress: string }
  | { state: 'done'; transactionTime: string; files: ManifestFile[] }
  | { state: 'failed' };

export async function fetchBulkStatus(
  statusPath: string,
  signal?: AbortSignal,
): Promise<BulkStatus> {
  const response = await send(statusPath, {
    headers: { Accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
  if (response.status === 202) {
    return { state: 'running', progress: response.headers.get('X-Progress') ?? '' };
  }
  if (response.status === 200) {
    const manifest = (await response.json()) as { transactionTime: string; output: ManifestFile[] };
    return {
      state: 'done',
      transactionTime: manifest.transactionTime,
      files: manifest.output.map((file) => ({ ...file, url: pathOf(file.url) })),
    };
  }
  if (response.status >= 500) return { state: 'failed' };
  throw await failure(response);
}

/** DELETE on the status URL (202 with no body, so not through apiFetch). */
export async function cancelBulkExport(statusPath: string): Promise<void> {
  const token = await csrfToken();
  const response = await send(statusPath, {
    method: 'DELETE',
    headers: token !== undefined ? { [CSRF_HEADER]: token } : {},
  });
  if (response.status !== 202) throw await failure(response);
}
