import { screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@heima/web-common/test/fetchMock';
import { patient, patientPage } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { PatientList, normalizeQuery } from './PatientList';

function servePages(total: number) {
  return mockFetch((request) => {
    const page = Number(request.url.searchParams.get('page'));
    const size = Number(request.url.searchParams.get('size'));
    return jsonResponse(patientPage(page, size, total));
  });
}

describe('patient list', () => {
  it('pages through the team’s patients with previous/next and “x–y of z”', async () => {
    const { requests } = servePages(45);
    const { user } = renderWithProviders(<PatientList />);

    expect(await screen.findByText('Viser 1–20 av 45')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(21); // header + 20
    const pages = within(screen.getByRole('navigation', { name: 'Sider i pasientlisten' }));
    expect(pages.getByRole('button', { name: 'Forrige side' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    await user.click(pages.getByRole('button', { name: 'Neste side' }));
    expect(await screen.findByText('Viser 21–40 av 45')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Given21 Family21/ })).toBeInTheDocument();

    await user.click(pages.getByRole('button', { name: 'Neste side' }));
    expect(await screen.findByText('Viser 41–45 av 45')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(6);
    const next = pages.getByRole('button', { name: 'Neste side' });
    expect(next).toHaveAttribute('aria-disabled', 'true');
    await user.click(next); // nothing happens at the end
    expect(requests.map((r) => r.url.searchParams.get('page'))).toEqual(['0', '1', '2']);

    await user.click(pages.getByRole('button', { name: 'Forrige side' }));
    expect(await screen.findByText('Viser 21–40 av 45')).toBeInTheDocument();
    expect(requests.every((r) => r.url.searchParams.get('size') === '20')).toBe(true);
  });

  it('searches from the first page and can show everyone again', async () => {
    const { requests } = mockFetch((request) => {
      const q = request.url.searchParams.get('q');
      if (q === '')
        return jsonResponse(patientPage(Number(request.url.searchParams.get('page')), 20, 45));
      if (q === '01819040180') {
        return jsonResponse({
          items: [patient(7, { givenName: 'Kari', familyName: 'Nordvik' })],
          page: 0,
          size: 20,
          total: 1,
        });
      }
      return jsonResponse({ items: [], page: 0, size: 20, total: 0 });
    });
    const { user } = renderWithProviders(<PatientList />);
    await screen.findByText('Viser 1–20 av 45');
    await user.click(screen.getByRole('button', { name: 'Neste side' }));
    await screen.findByText('Viser 21–40 av 45');

    await user.type(
      screen.getByRole('searchbox', { name: 'Søk etter navn eller fødselsnummer' }),
      '018190 40180',
    );
    await user.click(screen.getByRole('button', { name: 'Søk' }));
    expect(await screen.findByText('Viser 1–1 av 1 for «01819040180»')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Kari Nordvik/ })).toBeInTheDocument();
    expect(requests.at(-1)?.url.searchParams.get('page')).toBe('0');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'Ingen');
    await user.click(screen.getByRole('button', { name: 'Søk' }));
    expect(await screen.findByText('Ingen pasienter passer med «Ingen».')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Vis alle' }));
    expect(await screen.findByText('Viser 1–20 av 45')).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveValue('');
  });

  it('never labels the previous results with a search that has not been answered yet', async () => {
    let answer: (response: Response) => void = () => {};
    mockFetch((request) =>
      request.url.searchParams.get('q') === ''
        ? jsonResponse(patientPage(0, 20, 1))
        : new Promise<Response>((resolve) => (answer = resolve)),
    );
    const { user } = renderWithProviders(<PatientList />);
    await screen.findByText('Viser 1–1 av 1');

    await user.type(screen.getByRole('searchbox'), 'Annen');
    await user.click(screen.getByRole('button', { name: 'Søk' }));
    // While the answer is on its way, the old results keep their own label.
    expect(screen.getByRole('status')).toHaveTextContent('Viser 1–1 av 1');
    expect(screen.getByRole('status')).not.toHaveTextContent('Annen');
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');

    answer(jsonResponse({ items: [], page: 0, size: 20, total: 0 }));
    expect(await screen.findByText('Ingen pasienter passer med «Annen».')).toBeInTheDocument();
  });

  it('normalizes a number typed in groups but leaves names alone', () => {
    expect(normalizeQuery(' 018190 40180 ')).toBe('01819040180');
    expect(normalizeQuery(' Kari  Nordvik ')).toBe('Kari  Nordvik');
  });
});
