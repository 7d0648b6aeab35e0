import type { QuestionnaireResponse } from 'fhir/r4';
import { ProblemType } from '@heima/web-common/problem';
import { jsonResponse, mockApi, problemResponse } from '@heima/web-common/test/fetchMock';
import { fetchDraft, fetchQuestionnaire, saveDraft } from './questionnaires';

const task = { carePlanId: 'plan-1', activityId: 'symptoms', date: '2026-11-21' };
const path = '/api/me/response-drafts/plan-1/symptoms/2026-11-21';
const qr: QuestionnaireResponse = {
  resourceType: 'QuestionnaireResponse',
  status: 'in-progress',
  item: [],
};

describe('questionnaire API', () => {
  it('saves a draft with PUT and the CSRF header', async () => {
    document.cookie = 'XSRF-TOKEN=t-1; path=/';
    const { requests } = mockApi({
      [`PUT ${path}`]: () => jsonResponse({ updatedAt: '2026-11-21T09:00:00Z' }),
    });
    await expect(saveDraft(task, qr)).resolves.toEqual({ updatedAt: '2026-11-21T09:00:00Z' });
    expect(requests[0]?.body).toEqual({ questionnaireResponse: qr });
    expect(requests[0]?.headers.get('X-XSRF-TOKEN')).toBe('t-1');
  });

  it('resumes a draft from the server, and treats 404 as "no draft"', async () => {
    mockApi({ [`GET ${path}`]: () => jsonResponse({ questionnaireResponse: qr, updatedAt: 'x' }) });
    await expect(fetchDraft(task)).resolves.toEqual({ questionnaireResponse: qr, updatedAt: 'x' });
    mockApi({
      [`GET ${path}`]: () => problemResponse({ type: ProblemType.notFound, status: 404 }),
    });
    await expect(fetchDraft(task)).resolves.toBeNull();
    mockApi({ [`GET ${path}`]: () => new Response('', { status: 404 }) });
    await expect(fetchDraft(task)).resolves.toBeNull();
  });

  it('fetches the questionnaire by canonical url and version', async () => {
    const { requests } = mockApi({
      'GET /api/questionnaires/by-canonical': () => jsonResponse({ resourceType: 'Questionnaire' }),
    });
    await fetchQuestionnaire('https://heima.example/fhir/Questionnaire/hf', '1.0.0');
    expect(requests[0]?.url.searchParams.get('url')).toBe(
      'https://heima.example/fhir/Questionnaire/hf',
    );
    expect(requests[0]?.url.searchParams.get('version')).toBe('1.0.0');
    expect(requests[0]?.headers.get('Accept')).toContain('application/fhir+json');
  });
});
