import { screen } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@heima/web-common/test/fetchMock';
import { questionnairePage, questionnaireRef } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { QuestionnairePage } from './QuestionnairePage';

// Refero itself is exercised in QuestionnairePreview.test.tsx; here it would only cost time.
vi.mock('../preview/ReferoPreview', () => ({
  default: (props: { language: string }) => <p>refero ({props.language})</p>,
}));

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=csrf-1; path=/';
});

describe('questionnaire page', () => {
  it('shows the version’s facts and retires it after asking once more', async () => {
    let retired = false;
    const { requests } = mockFetch((request) => {
      const ref = questionnaireRef({ retired });
      if (request.url.pathname === '/api/questionnaires')
        return jsonResponse(questionnairePage([ref]));
      if (request.url.pathname === '/api/questionnaires/q-1/retire') {
        retired = true;
        return jsonResponse({ ...ref, retired: true });
      }
      return jsonResponse(
        { resourceType: 'Questionnaire', url: ref.url, version: '1.0.0', status: 'active' },
        200,
        'application/fhir+json',
      );
    });
    const { user } = renderWithProviders(<QuestionnairePage questionnaireId="q-1" />, {
      language: 'en',
    });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Heart failure symptoms' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('refero (nb)')).toBeInTheDocument();
    const facts = screen.getAllByRole('definition').map((dd) => dd.textContent);
    expect(facts).toEqual(expect.arrayContaining(['1.0.0', 'Active', 'No']));

    await user.click(screen.getByRole('button', { name: 'Retire this version' }));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Yes, retire version 1.0.0' }));
    expect(await screen.findByText('The version has been retired.')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.url.pathname).toBe(
      '/api/questionnaires/q-1/retire',
    );
    expect(
      await screen.findByText('This version is retired and cannot be chosen for new pathways.'),
    ).toBeInTheDocument();
  });
});
