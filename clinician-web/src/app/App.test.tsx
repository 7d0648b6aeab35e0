import { screen, within } from '@testing-library/react';
import { App } from './App';
import {
  jsonResponse,
  mockFetch,
  problemResponse,
  unauthenticated,
} from '@heima/web-common/test/fetchMock';
import { nina, pathwaySummary, patientPage } from '../test/fixtures';
import { renderWithProviders } from '../test/render';

describe('clinician app', () => {
  it('welcomes a visitor who is not logged in, with a log-in link', async () => {
    mockFetch(() => problemResponse(unauthenticated));
    renderWithProviders(<App />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Heima for helsepersonell' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Logg inn' })).toHaveAttribute(
      'href',
      '/oauth2/authorization/clinician',
    );
  });

  it('starts a clinician on the worklist', async () => {
    mockFetch((request) =>
      request.url.pathname === '/api/worklist'
        ? jsonResponse({ items: [], page: 0, size: 50, total: 0 })
        : jsonResponse(nina),
    );
    renderWithProviders(<App />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Arbeidsliste' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Ingenting på arbeidslisten nå.')).toBeInTheDocument();
    const nav = within(screen.getByRole('navigation', { name: 'Hovedmeny' }));
    expect(nav.getByRole('link', { name: 'Arbeidsliste' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows the clinician her name, role and team, the list and the form', async () => {
    window.history.replaceState(null, '', '/patients');
    mockFetch((request) =>
      request.url.pathname === '/api/patients'
        ? jsonResponse(patientPage(0, 20, 2))
        : jsonResponse(nina),
    );
    renderWithProviders(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Pasienter' })).toBeInTheDocument();
    const banner = within(screen.getByRole('banner'));
    expect(banner.getByText('Nina Berg')).toBeInTheDocument();
    expect(banner.getByText('Helsepersonell')).toBeInTheDocument();
    expect(banner.getByText('hjerte')).toBeInTheDocument();
    expect(banner.getByRole('button', { name: 'Logg ut' })).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /Given1 Family1/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Registrer pasient' })).toBeInTheDocument();
  });

  it('tells a user without the clinician role that the app is for health professionals', async () => {
    mockFetch(() => jsonResponse({ ...nina, name: 'Kari Nordvik', roles: ['PATIENT'], teams: [] }));
    renderWithProviders(<App />, { language: 'en' });

    expect(
      await screen.findByRole('heading', { name: 'This app is for health professionals' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Heima for patients' })).toHaveAttribute(
      'href',
      '/patient/',
    );
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
  });

  it('gives an administrator the administration area, and no patient list', async () => {
    const { requests } = mockFetch(() =>
      jsonResponse({ ...nina, name: 'Anne Dahl', roles: ['ADMIN'], teams: ['hjerte'] }),
    );
    renderWithProviders(<App />);

    expect(await screen.findByRole('heading', { name: 'Administrasjon' })).toBeInTheDocument();
    const nav = within(screen.getByRole('navigation', { name: 'Hovedmeny' }));
    expect(nav.getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Administrasjon',
      'Skjemabibliotek',
      'Forløp',
      'FHIR-tilbakeskriving',
      'Revisjonslogg',
    ]);
    expect(nav.getByRole('link', { name: 'Administrasjon' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(screen.getByRole('banner')).getByText('Administrator')).toBeInTheDocument();
    expect(requests.some((r) => r.url.pathname === '/api/patients')).toBe(false);
  });

  it('gives a user with both roles both areas, and moves between them in place', async () => {
    mockFetch((request) => {
      if (request.url.pathname === '/api/patients') return jsonResponse(patientPage(0, 20, 1));
      if (request.url.pathname === '/api/pathways') return jsonResponse([pathwaySummary()]);
      if (request.url.pathname === '/api/worklist')
        return jsonResponse({ items: [], page: 0, size: 50, total: 0 });
      return jsonResponse({ ...nina, roles: ['CLINICIAN', 'ADMIN'] });
    });
    const { user } = renderWithProviders(<App />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Arbeidsliste' }),
    ).toBeInTheDocument();
    const nav = within(screen.getByRole('navigation', { name: 'Hovedmeny' }));
    expect(nav.getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Arbeidsliste',
      'Pasientoversikt',
      'Pasienter',
      'Skjemabibliotek',
      'Forløp',
      'FHIR-tilbakeskriving',
      'Revisjonslogg',
    ]);
    await user.click(nav.getByRole('link', { name: 'Pasienter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pasienter' })).toBeInTheDocument();

    await user.click(nav.getByRole('link', { name: 'Forløp' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Forløp' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/admin/pathways');
    expect(nav.getByRole('link', { name: 'Forløp' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('link', { name: 'Hjertesvikt' })).toHaveAttribute(
      'href',
      '/admin/pathways/p-1',
    );
    expect(screen.getByRole('main')).toHaveFocus();

    window.history.back();
    expect(await screen.findByRole('heading', { level: 1, name: 'Pasienter' })).toBeInTheDocument();
  });

  it('tells a clinician that administration is not for her', async () => {
    window.history.replaceState(null, '', '/admin/pathways');
    mockFetch(() => jsonResponse(nina));
    renderWithProviders(<App />);
    expect(
      await screen.findByRole('heading', { name: 'Du har ikke tilgang til denne siden' }),
    ).toBeInTheDocument();
    const nav = within(screen.getByRole('navigation', { name: 'Hovedmeny' }));
    expect(nav.queryByRole('link', { name: 'Forløp' })).not.toBeInTheDocument();
  });
});
