import { screen } from '@testing-library/react';
import type { QuestionnaireResponse } from 'fhir/r4';
import { jsonResponse, mockApi, problemResponse } from '@heima/web-common/test/fetchMock';
import { kari } from '../../../test/fixtures';
import { PLAN_ID, task } from '../../../test/measurementFixtures';
import { renderWithProviders } from '../../../test/render';
import type { ReferoFormProps } from './ReferoForm';
import { QuestionnairePage } from './QuestionnairePage';

// The renderer itself is Helsenorge's (tried in the browser tests); here a stand-in hands back a
// response the way Refero's onSave/onSubmit do.
vi.mock('./ReferoForm', () => ({
  default: (props: ReferoFormProps) => {
    const answer: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      item: [{ linkId: 'hf-breathless-rest', answer: [{ valueBoolean: false }] }],
    };
    return (
      <div data-testid="refero" lang={props.language}>
        <p>{props.questionnaire.title}</p>
        <p>resumed: {props.questionnaireResponse?.id ?? 'none'}</p>
        <label htmlFor="field-total">Sum</label>
        <input id="field-total" />
        <button type="button" onClick={() => props.onSave(answer)}>
          fake save
        </button>
        <button type="button" onClick={() => props.onSubmit(answer)}>
          fake submit
        </button>
        <button
          type="button"
          onClick={() => {
            const file = new File(['%PDF-1.7'], 'scan.pdf', { type: 'application/pdf' });
            props.onUpload?.(file, null).catch((error: unknown) => {
              const out = document.getElementById('upload-error');
              if (out) out.textContent = error instanceof Error ? error.message : String(error);
            });
          }}
        >
          fake upload
        </button>
        <p id="upload-error" />
      </div>
    );
  },
}));

const URL = 'https://heima.example/fhir/Questionnaire/heart-failure-symptoms';
const DATE = '2026-11-21';
const draftPath = `/api/me/response-drafts/${PLAN_ID}/symptoms/${DATE}`;
const symptoms = task({
  activityId: 'symptoms',
  type: 'QUESTIONNAIRE',
  title: 'Symptomer',
  vital: null,
  questionnaireUrl: URL,
  questionnaireVersion: '1.0.0',
});
const questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  language: 'nb-NO',
  title: 'Symptomsjekk ved hjertesvikt',
  item: [{ linkId: 'hf-total', type: 'integer', text: 'Sum' }],
};

describe('answering a questionnaire', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=x-1; path=/';
  });

  it('resumes the server draft, saves halfway with PUT, and submits once with an Idempotency-Key', async () => {
    const { requests } = mockApi({
      'GET /api/me/tasks': () => jsonResponse([symptoms]),
      'GET /api/questionnaires/by-canonical': () => jsonResponse(questionnaire),
      [`GET ${draftPath}`]: () =>
        jsonResponse({
          questionnaireResponse: {
            resourceType: 'QuestionnaireResponse',
            id: 'draft-7',
            status: 'in-progress',
          },
          updatedAt: '2026-11-21T08:05:00Z',
        }),
      [`PUT ${draftPath}`]: () => jsonResponse({ updatedAt: '2026-11-21T09:15:00Z' }),
      'POST /api/me/responses': () =>
        jsonResponse(
          {
            id: 'r-1',
            carePlanId: PLAN_ID,
            activityId: 'symptoms',
            questionnaire: `${URL}|1.0.0`,
            authored: '2026-11-21T09:16:00Z',
            receivedAt: '2026-11-21T09:16:01Z',
            scores: [{ linkId: 'hf-total', code: null, value: 3 }],
            triage: { level: 'YELLOW', assessed: true, reasons: [] },
            advice: { nb: 'Mål på nytt om en time.', en: 'Measure again in an hour.' },
          },
          201,
        ),
    });
    const { user } = renderWithProviders(
      <QuestionnairePage me={kari} carePlanId={PLAN_ID} activityId="symptoms" date={DATE} />,
    );

    // the first test loads the form's lazy chunk: slow on a loaded machine
    expect(
      await screen.findByText('resumed: draft-7', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Symptomsjekk ved hjertesvikt' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Du fortsetter der du slapp/)).toHaveTextContent('kl. 09:05');

    await user.click(screen.getByRole('button', { name: 'fake save' }));
    expect(await screen.findByText(/Lagret kl. 10:15/)).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.url.pathname).toBe(draftPath);
    expect(put?.body).toMatchObject({
      questionnaireResponse: { status: 'in-progress', questionnaire: `${URL}|1.0.0` },
    });

    await user.click(screen.getByRole('button', { name: 'fake submit' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Takk, svarene er sendt' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Poengsum' })).toHaveTextContent('Sum3');
    expect(screen.getByText('Mål på nytt om en time.')).toBeInTheDocument();

    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[0]?.headers.get('X-XSRF-TOKEN')).toBe('x-1');
    expect(posts[0]?.body).toMatchObject({
      carePlanId: PLAN_ID,
      activityId: 'symptoms',
      date: DATE,
      questionnaireResponse: { status: 'completed', questionnaire: `${URL}|1.0.0` },
    });
  });

  it('starts empty when there is no draft, and lists the questions the server refused', async () => {
    mockApi({
      'GET /api/me/tasks': () => jsonResponse([symptoms]),
      'GET /api/questionnaires/by-canonical': () => jsonResponse(questionnaire),
      [`GET ${draftPath}`]: () =>
        problemResponse({ type: 'urn:heima:problem:not-found', status: 404 }),
      'POST /api/me/responses': () =>
        problemResponse({
          type: 'urn:heima:problem:invalid-response',
          status: 422,
          errors: [{ field: 'hf-total', code: 'required' }],
        }),
    });
    const { user } = renderWithProviders(
      <QuestionnairePage me={kari} carePlanId={PLAN_ID} activityId="symptoms" date={DATE} />,
    );
    expect(await screen.findByText('resumed: none')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'fake submit' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Noen av svarene passer ikke til skjemaet. Sjekk disse spørsmålene:',
    );
    expect(alert).toHaveTextContent('Sum');
  });

  it('names each refused question with its own message and moves focus to it', async () => {
    mockApi({
      'GET /api/me/tasks': () => jsonResponse([symptoms]),
      'GET /api/questionnaires/by-canonical': () => jsonResponse(questionnaire),
      [`GET ${draftPath}`]: () =>
        problemResponse({ type: 'urn:heima:problem:not-found', status: 404 }),
      'POST /api/me/responses': () =>
        problemResponse({
          type: 'urn:heima:problem:answer-below-min',
          status: 422,
          answers: [
            {
              linkId: 'hf-total',
              text: 'Sum',
              type: 'urn:heima:problem:answer-below-min',
              limit: '1',
              message: 'server text',
            },
          ],
        }),
    });
    const { user } = renderWithProviders(
      <QuestionnairePage me={kari} carePlanId={PLAN_ID} activityId="symptoms" date={DATE} />,
    );
    await user.click(await screen.findByRole('button', { name: 'fake submit' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Noen svar er lavere enn laveste tillatte verdi.');
    expect(alert).toHaveTextContent('Sum: Laveste tillatte verdi er 1.');
    await user.click(screen.getByRole('link', { name: 'Sum' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Sum'));
  });

  it('sends no answer to a hidden question, and says kindly which answers the server left out', async () => {
    const { requests } = mockApi({
      'GET /api/me/tasks': () => jsonResponse([symptoms]),
      'GET /api/questionnaires/by-canonical': () =>
        jsonResponse({
          ...questionnaire,
          item: [
            ...questionnaire.item,
            {
              linkId: 'hf-breathless-rest',
              type: 'boolean',
              text: 'Tungpust i ro?',
              extension: [
                {
                  url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden',
                  valueBoolean: true,
                },
              ],
            },
          ],
        }),
      [`GET ${draftPath}`]: () =>
        problemResponse({ type: 'urn:heima:problem:not-found', status: 404 }),
      'POST /api/me/responses': () =>
        jsonResponse(
          {
            id: 'r-2',
            carePlanId: PLAN_ID,
            activityId: 'symptoms',
            questionnaire: `${URL}|1.0.0`,
            authored: '2026-11-21T09:16:00Z',
            receivedAt: '2026-11-21T09:16:01Z',
            scores: [{ linkId: 'hf-total', code: null, value: 3, hidden: true }],
            triage: { level: 'GREEN', assessed: true, reasons: [] },
            advice: null,
            dropped: [{ linkId: 'cigs', text: 'Hvor mange sigaretter per dag?' }],
          },
          201,
        ),
    });
    const { user } = renderWithProviders(
      <QuestionnairePage me={kari} carePlanId={PLAN_ID} activityId="symptoms" date={DATE} />,
    );
    await user.click(await screen.findByRole('button', { name: 'fake submit' }));
    expect(await screen.findByText(/Svar på spørsmål som ikke lenger vises/)).toBeInTheDocument();
    expect(screen.getByText('Hvor mange sigaretter per dag?')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Poengsum' })).not.toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST');
    expect(
      (post?.body as { questionnaireResponse: QuestionnaireResponse }).questionnaireResponse.item,
    ).toBeUndefined();
  });

  it('names the question when the server refuses a chosen file', async () => {
    const photo = {
      ...questionnaire,
      item: [{ linkId: 'photo', type: 'attachment', text: 'Bilde av såret' }],
    };
    mockApi({
      'GET /api/me/tasks': () => jsonResponse([symptoms]),
      'GET /api/questionnaires/by-canonical': () => jsonResponse(photo),
      [`GET ${draftPath}`]: () =>
        problemResponse({ type: 'urn:heima:problem:not-found', status: 404 }),
      'POST /api/me/attachments': () =>
        problemResponse({
          type: 'urn:heima:problem:attachment-type',
          status: 422,
          answers: [
            {
              linkId: 'photo',
              text: 'Photo of the wound',
              type: 'urn:heima:problem:attachment-type',
              limit: 'image/jpeg, image/png',
              message: 'server text',
            },
          ],
        }),
    });
    const { user } = renderWithProviders(
      <QuestionnairePage me={kari} carePlanId={PLAN_ID} activityId="symptoms" date={DATE} />,
    );
    await user.click(await screen.findByRole('button', { name: 'fake upload' }));
    await vi.waitFor(() =>
      expect(document.getElementById('upload-error')?.textContent).toMatch(/^Bilde av såret: ./),
    );
  });
});
