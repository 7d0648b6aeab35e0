import { screen, within } from '@testing-library/react';
import { App } from './App';
import {
  jsonResponse,
  mockApi,
  mockFetch,
  problemResponse,
  unauthenticated,
} from '@heima/web-common/test/fetchMock';
import { kari, karisRecord } from '../test/fixtures';
import { renderWithProviders } from '../test/render';

describe('patient app', () => {
  it('welcomes a visitor who is not logged in, with a log-in link', async () => {
    mockFetch(() => problemResponse(unauthenticated));
    renderWithProviders(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Velkommen til Heima' }));
    expect(screen.getByRole('link', { name: 'Logg inn' })).toHaveAttribute(
      'href',
      '/oauth2/authorization/patient',
    );
    expect(screen.queryByRole('button', { name: 'Logg ut' })).not.toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('shows the logged-in patient her own record, identifier masked', async () => {
    document.cookie = 'XSRF-TOKEN=csrf-abc; path=/';
    mockApi({
      'GET /api/me': () => jsonResponse(kari),
      'GET /api/me/patient': () => jsonResponse(karisRecord),
      'GET /api/me/care-plans': () => jsonResponse([]),
      'GET /api/me/tasks': () => jsonResponse([]),
    });
    renderWithProviders(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Hei, Kari Nordvik' }));
    expect(within(screen.getByRole('banner')).getByText('Kari Nordvik')).toBeInTheDocument();

    const record = await screen.findByRole('region', { name: 'Dine opplysninger' });
    expect(within(record).getByText('1. januar 1990')).toBeInTheDocument();
    expect(record).toHaveTextContent('40180');
    expect(record).not.toHaveTextContent('01819040180');
    expect(within(record).getByText('+47 912 34 567')).toBeInTheDocument();
    expect(within(record).getByText('Ikke oppgitt')).toBeInTheDocument();

    const logout = screen.getByRole('button', { name: 'Logg ut' }).closest('form');
    expect(logout).toHaveAttribute('method', 'post');
    expect(logout).toHaveAttribute('action', '/logout');
    expect(logout?.querySelector('input[name="_csrf"]')).toHaveValue('csrf-abc');
  });

  it('explains kindly when the patient has no record yet', async () => {
    const notRegistered = () =>
      problemResponse({ type: 'urn:heima:problem:not-registered', status: 404 });
    mockApi({
      'GET /api/me': () => jsonResponse(kari),
      'GET /api/me/patient': notRegistered,
      'GET /api/me/care-plans': notRegistered,
    });
    renderWithProviders(<App />, { language: 'en' });

    expect(
      await screen.findByRole('heading', { name: 'You are not registered in Heima yet' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('tells someone who is not a patient that the app is for patients', async () => {
    const { requests } = mockFetch(() =>
      jsonResponse({ ...kari, name: 'Nina Berg', roles: ['CLINICIAN'], teams: ['hjerte'] }),
    );
    renderWithProviders(<App />);

    expect(
      await screen.findByRole('heading', { name: 'Denne appen er for pasienter' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Gå til Heima for helsepersonell' })).toHaveAttribute(
      'href',
      '/clinician/',
    );
    expect(requests.some((r) => r.url.pathname === '/api/me/patient')).toBe(false);
  });

  it('offers to try again when the server cannot be reached', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    renderWithProviders(<App />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Vi får ikke kontakt med Heima');
    expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
  });
});
