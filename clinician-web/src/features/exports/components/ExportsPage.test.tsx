import { screen } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import { ExportsPage } from './ExportsPage';

const dictionary = [
  { name: 'kind', type: 'text', nb: 'Radtype', en: 'Row type' },
  {
    name: 'patient',
    type: 'text',
    nb: 'Fødselsnummer eller pseudonym',
    en: 'National id or pseudonym',
  },
];

const manifest = {
  transactionTime: '2026-12-02T08:00:00Z',
  request: 'http://localhost/api/fhir/$export?team=hjerte',
  requiresAccessToken: true,
  output: [
    { type: 'Patient', url: 'http://localhost/api/fhir/bulk-files/j1/Patient.ndjson', count: 6 },
    {
      type: 'Observation',
      url: 'http://localhost/api/fhir/bulk-files/j1/Observation.ndjson',
      count: 120,
    },
  ],
  error: [],
};

describe('exports page', () => {
  it('shows the data dictionary and builds the CSV link from the choices', async () => {
    mockFetch(() => jsonResponse(dictionary));
    const { user } = renderWithProviders(<ExportsPage />);
    expect(await screen.findByRole('rowheader', { name: 'patient' })).toBeInTheDocument();
    expect(screen.getByText('Fødselsnummer eller pseudonym')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Team (tomt: alle)'), 'hjerte');
    await user.click(screen.getByLabelText(/Pseudonymiser/));
    await user.type(screen.getByLabelText('Fra og med dato'), '2026-01-01');
    expect(screen.getByRole('link', { name: 'Last ned CSV' })).toHaveAttribute(
      'href',
      '/api/admin/exports/cohort.csv?team=hjerte&pseudonymise=true&from=2026-01-01',
    );
  });

  it('starts a bulk export, follows its progress, lists its files and cancels it', async () => {
    let polls = 0;
    const { requests } = mockFetch((request) => {
      const path = request.url.pathname;
      if (path === '/api/admin/exports/dictionary') return jsonResponse(dictionary);
      if (path === '/api/fhir/$export') {
        return new Response(null, {
          status: 202,
          headers: { 'Content-Location': 'http://localhost/api/fhir/bulk-status/j1' },
        });
      }
      if (path === '/api/fhir/bulk-status/j1' && request.method === 'DELETE') {
        return new Response(null, { status: 202 });
      }
      polls += 1;
      return polls === 1
        ? new Response(null, { status: 202, headers: { 'X-Progress': 'patients 3 of 6' } })
        : jsonResponse(manifest);
    });
    const { user } = renderWithProviders(<ExportsPage />, { language: 'en' });
    await user.type(screen.getByLabelText('Team (empty: all)'), 'hjerte');
    await user.click(screen.getByRole('checkbox', { name: 'Flag' }));
    await user.click(screen.getByRole('button', { name: 'Start export' }));
    expect(await screen.findByText('The export is running: patients 3 of 6')).toBeInTheDocument();
    const kickOff = requests.find((r) => r.url.pathname === '/api/fhir/$export');
    expect(kickOff?.headers.get('Prefer')).toBe('respond-async');
    expect(kickOff?.url.searchParams.get('team')).toBe('hjerte');
    expect(kickOff?.url.searchParams.get('_type')).toBe(
      'Patient,Observation,QuestionnaireResponse',
    );
    const file = await screen.findByRole(
      'link',
      { name: 'Observation: 120 resources' },
      { timeout: 5000 },
    );
    expect(file).toHaveAttribute('href', '/api/fhir/bulk-files/j1/Observation.ndjson');
    await user.click(screen.getByRole('button', { name: 'Cancel export' }));
    expect(
      await screen.findByText('The export was cancelled and its files deleted.'),
    ).toBeInTheDocument();
    expect(requests.at(-1)?.method).toBe('DELETE');
  });
});
