import type { Questionnaire } from 'fhir/r4';
import { apiFetch } from '@heima/web-common/http';

/**
 * The questionnaire library API (`/api/questionnaires`). Every response is mapped here, in one
 * place, so a change in the server's JSON is a change in this file only.
 */

/** One stored version of a questionnaire, without its content. */
export interface QuestionnaireVersion {
  id: string;
  url: string;
  version: string;
  /** The title in the questionnaire's own language. */
  title: string;
  /** The title per language (primary subtag: nb, en) where the questionnaire has one. */
  titles: Record<string, string>;
  /** The FHIR status as imported: active, draft, retired, unknown. */
  status: string;
  /** Retired in Heima: still readable, but not to be chosen for new pathways. */
  retired: boolean;
  importedAt: string | null;
}

export interface ImportResult {
  questionnaire: QuestionnaireVersion;
  /** What the validator found that did not stop the import. */
  warnings: Array<{ field: string; code: string; message?: string }>;
}

export const questionnairesQueryKey = ['questionnaires'] as const;

/** The server's page limit; the library is small enough to load whole. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A library entry from the server, or null when it does not look like one. */
export function toQuestionnaireVersion(raw: unknown): QuestionnaireVersion | null {
  if (!isRecord(raw)) return null;
  const id = text(raw.id);
  const url = text(raw.url);
  if (id === null || url === null) return null;
  const titles: Record<string, string> = {};
  if (isRecord(raw.titles)) {
    for (const [language, title] of Object.entries(raw.titles)) {
      if (typeof title === 'string') titles[language] = title;
    }
  }
  return {
    id,
    url,
    version: text(raw.version) ?? '',
    title: text(raw.title) ?? text(raw.name) ?? url,
    titles,
    status: text(raw.status) ?? 'unknown',
    retired: raw.retired === true,
    importedAt: text(raw.importedAt),
  };
}

/**
 * The versions in one list answer. Accepts a plain list of versions, a page `{items}` of versions,
 * or a page of questionnaires each carrying its `versions` (the library groups by url).
 */
export function versionsFromListAnswer(body: unknown): QuestionnaireVersion[] {
  const items = Array.isArray(body)
    ? body
    : isRecord(body) && Array.isArray(body.items)
      ? body.items
      : [];
  return items.flatMap((item: unknown) => {
    if (isRecord(item) && Array.isArray(item.versions)) {
      return item.versions.map(toQuestionnaireVersion).filter((v) => v !== null);
    }
    const version = toQuestionnaireVersion(item);
    return version === null ? [] : [version];
  });
}

function hasMorePages(body: unknown, page: number): boolean {
  if (!isRecord(body) || typeof body.total !== 'number') return false;
  const size = typeof body.size === 'number' ? body.size : PAGE_SIZE;
  return (page + 1) * size < body.total;
}

/** Every version in the library, sorted by title and then newest import first. */
export async function listQuestionnaires(signal?: AbortSignal): Promise<QuestionnaireVersion[]> {
  const all: QuestionnaireVersion[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    const body = await apiFetch<unknown>(`/api/questionnaires?${params}`, signal ? { signal } : {});
    all.push(...versionsFromListAnswer(body));
    if (!hasMorePages(body, page)) break;
  }
  return all;
}

/** Versions that may be chosen for a new pathway activity. */
export function choosable(versions: QuestionnaireVersion[]): QuestionnaireVersion[] {
  return versions.filter((v) => !v.retired && v.status === 'active');
}

/** The title in `language`, else the questionnaire's own. */
export function titleIn(version: QuestionnaireVersion, language: string): string {
  return version.titles[language] ?? version.title;
}

/** Sends a file's content exactly as it is; the server validates it. */
export async function importQuestionnaire(json: string): Promise<ImportResult> {
  const body = await apiFetch<unknown>('/api/questionnaires', { method: 'POST', rawBody: json });
  const wrapped = isRecord(body) && isRecord(body.questionnaire);
  const questionnaire = toQuestionnaireVersion(
    wrapped ? (body as { questionnaire: unknown }).questionnaire : body,
  );
  if (questionnaire === null) throw new Error('Unexpected answer to a questionnaire import');
  const rawWarnings = isRecord(body) && Array.isArray(body.warnings) ? body.warnings : [];
  const warnings = rawWarnings.filter(isRecord).map((w) => ({
    field: text(w.field) ?? '',
    code: text(w.code) ?? '',
    ...(text(w.message) !== null ? { message: text(w.message) as string } : {}),
  }));
  return { questionnaire, warnings };
}

/** The questionnaire itself (FHIR R4 JSON). */
export function fetchQuestionnaire(id: string, signal?: AbortSignal): Promise<Questionnaire> {
  return apiFetch<Questionnaire>(
    `/api/questionnaires/${encodeURIComponent(id)}`,
    signal ? { signal } : {},
  );
}

export async function retireQuestionnaire(id: string): Promise<QuestionnaireVersion | null> {
  const body = await apiFetch<unknown>(`/api/questionnaires/${encodeURIComponent(id)}/retire`, {
    method: 'POST',
  });
  return toQuestionnaireVersion(body);
}
