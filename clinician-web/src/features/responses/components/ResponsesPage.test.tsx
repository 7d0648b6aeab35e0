import { screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@heima/web-common/test/fetchMock';
import { patient } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import type { ResponseDetail, ResponseSummary } from '../api/responses';
import { ResponsesPage } from './ResponsesPage';

const summary: ResponseSummary = {
  id: 'r-2',
  carePlanId: 'plan-1',
  activityId: 'symptoms',
  date: '2026-11-20',
  questionnaire: 'https://heima.example/fhir/Questionnaire/heart-failure-symptoms|1.0.0',
  title: 'Symptomer ved hjertesvikt',
  authored: '2026-11-20T08:00:00Z',
  level: 'YELLOW',
  assessed: true,
  reasons: [],
};

const detail: ResponseDetail = {
  ...summary,
  language: 'nb',
  receivedAt: '2026-11-20T08:00:01Z',
  triage: {
    level: 'YELLOW',
    assessed: true,
    reasons: [
      {
        code: 'hf-more-breathless',
        value: null,
        level: 'YELLOW',
        bound: 'answer',
        boundValue: null,
        source: 'PATHWAY',
      },
    ],
  },
  scores: [],
  answers: [
    {
      linkId: 'hf-more-breathless',
      question: 'Er du mer tungpusten enn vanlig?',
      answer: ['Ja'],
      previous: ['Nei'],
      changed: true,
      level: 'YELLOW',
    },
    {
      linkId: 'hf-pillows',
      question: 'Hvor mange puter sov du med i natt?',
      answer: ['2'],
      previous: ['2'],
      changed: false,
      level: null,
    },
  ],
  previous: { id: 'r-1', authored: '2026-11-19T08:00:00Z', date: '2026-11-19' },
};

describe('questionnaire responses for the nurse', () => {
  it('shows the answers next to the previous ones and marks what changed', async () => {
    const { requests } = mockFetch((request) => {
      if (request.url.pathname === '/api/patients/p-1') return jsonResponse(patient(1));
      if (request.url.pathname === '/api/patients/p-1/responses') return jsonResponse([summary]);
      if (request.url.pathname === '/api/patients/p-1/responses/r-2') return jsonResponse(detail);
      return jsonResponse({}, 404);
    });
    renderWithProviders(<ResponsesPage patientId="p-1" responseId="r-2" />);

    const table = await screen.findByRole('table');
    const changed = within(table).getByRole('row', { name: /Er du mer tungpusten/ });
    expect(changed).toHaveTextContent('Ja');
    expect(changed).toHaveTextContent('Nei');
    expect(changed).toHaveTextContent('Endret');
    expect(within(table).getByRole('row', { name: /puter/ })).not.toHaveTextContent('Endret');
    expect(screen.getByText(/1 svar er endret/)).toBeInTheDocument();
    expect(
      screen.getByText(
        (_, el) => el?.tagName === 'LI' && /svaret gir Gul/.test(el.textContent ?? ''),
      ),
    ).toBeInTheDocument();
    // the texts are asked for in the viewer's language
    expect(
      requests.find((r) => r.url.pathname.endsWith('/r-2'))?.url.searchParams.get('lang'),
    ).toBe('nb');
  });

  it("shows the patient's photo through the response's own endpoint, never an inline or foreign url", async () => {
    const photo = '/api/patients/p-1/responses/r-2/attachments/a-1';
    const withPhoto: ResponseDetail = {
      ...detail,
      previous: null,
      answers: [
        {
          linkId: 'photo',
          question: 'Bilde av såret',
          answer: ['sår.jpg'],
          previous: [],
          changed: false,
          level: null,
          attachments: [
            { url: photo, contentType: 'image/jpeg', size: 20000, title: 'sår.jpg' },
            {
              url: 'data:image/svg+xml;base64,PHN2Zz4=',
              contentType: 'image/svg+xml',
              size: 5,
              title: 'x.svg',
            },
            {
              url: '/api/patients/p-1/responses/r-2/attachments/a-2',
              contentType: 'image/heic',
              size: 9,
              title: 'b.heic',
            },
          ],
        },
      ],
    };
    mockFetch((request) => {
      if (request.url.pathname === '/api/patients/p-1') return jsonResponse(patient(1));
      if (request.url.pathname === '/api/patients/p-1/responses') return jsonResponse([summary]);
      if (request.url.pathname === '/api/patients/p-1/responses/r-2')
        return jsonResponse(withPhoto);
      return jsonResponse({}, 404);
    });
    renderWithProviders(<ResponsesPage patientId="p-1" responseId="r-2" />);

    const image = await screen.findByRole('img', { name: 'Bilde til «Bilde av såret»: sår.jpg' });
    expect(image).toHaveAttribute('src', photo);
    // the inline svg is not shown at all; the HEIC is offered as a download only
    expect(screen.getAllByRole('img')).toHaveLength(1);
    expect(document.querySelector('img[src^="data:"]')).toBeNull();
    expect(screen.getByRole('link', { name: /Last ned b\.heic/ })).toHaveAttribute(
      'href',
      '/api/patients/p-1/responses/r-2/attachments/a-2',
    );
  });

  it("names a combination rule by its text in the viewer's language, never by its id", async () => {
    const combined: ResponseDetail = {
      ...detail,
      triage: {
        level: 'RED',
        assessed: true,
        reasons: [
          {
            code: 'weight-gain-and-breathless',
            value: null,
            level: 'RED',
            bound: 'combination',
            boundValue: null,
            source: 'PATHWAY',
          },
        ],
      },
      rules: { 'weight-gain-and-breathless': 'Vektøkning og mer tungpust innen tre dager' },
    };
    mockFetch((request) => {
      if (request.url.pathname === '/api/patients/p-1') return jsonResponse(patient(1));
      if (request.url.pathname === '/api/patients/p-1/responses') return jsonResponse([summary]);
      if (request.url.pathname === '/api/patients/p-1/responses/r-2') return jsonResponse(combined);
      return jsonResponse({}, 404);
    });
    renderWithProviders(<ResponsesPage patientId="p-1" responseId="r-2" />);

    const reason = await screen.findByText(
      (_, el) =>
        el?.tagName === 'LI' &&
        /Vektøkning og mer tungpust innen tre dager/.test(el.textContent ?? ''),
    );
    expect(reason).toHaveTextContent('sammen gir de Rød');
    expect(reason).not.toHaveTextContent('weight-gain-and-breathless');
  });
});
