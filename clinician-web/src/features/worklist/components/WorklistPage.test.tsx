import { act, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '@heima/web-common/test/fetchMock';
import { nina } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { FakeEventSource, worklistItem } from '../../../test/worklistFixtures';
import { WorklistPage } from './WorklistPage';
import { pagesToOffer } from './WorklistPager';

const now = new Date('2026-11-20T12:00:00Z');

function lastSource(): FakeEventSource {
  const source = FakeEventSource.instances.at(-1);
  if (source === undefined) throw new Error('no EventSource opened');
  return source;
}

function listOf(items: ReturnType<typeof worklistItem>[]) {
  return { items, page: 0, size: 50, total: items.length };
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.useFakeTimers({ now, toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('worklist page', () => {
  it('lists the items in order with level as text, age, deadline, overdue and who has it', async () => {
    mockFetch(() =>
      jsonResponse(
        listOf([
          worklistItem(1, {
            level: 'RED',
            patientName: 'Kari Nordvik',
            summary: 'Blood pressure panel: 182 / 110 mm[Hg]',
            raisedAt: '2026-11-20T11:48:00Z',
            dueAt: '2026-11-20T11:50:00Z',
            overdue: true,
          }),
          worklistItem(2, {
            status: 'IN_PROGRESS',
            assigneeSubject: 'sykepleier3',
            assigneeName: 'Ola Hansen',
          }),
          worklistItem(3, { level: 'MISSING', kind: 'MISSING', summary: 'Blood pressure missed' }),
        ]),
      ),
    );
    renderWithProviders(<WorklistPage me={nina} />);

    const list = await screen.findByRole('list', { name: 'Arbeidsliste' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole('link', { name: 'Kari Nordvik' })).toHaveAttribute(
      'href',
      '/patients/patient-1',
    );
    expect(first.getByText('Rød')).toBeInTheDocument();
    expect(first.getByText('Blood pressure panel: 182 / 110 mm[Hg]')).toBeInTheDocument();
    expect(first.getByText('for 12 min siden')).toBeInTheDocument();
    expect(first.getByText('Forfalt')).toBeInTheDocument();
    expect(first.getByRole('button', { name: 'Jeg tar den: Kari Nordvik' })).toBeInTheDocument();
    const second = within(rows[1] as HTMLElement);
    expect(second.getByText('Gul')).toBeInTheDocument();
    expect(second.getByText('Tatt av Ola Hansen')).toBeInTheDocument();
    // taken by someone else: only handing it on to a colleague is offered
    expect(second.getAllByRole('button').map((b) => b.textContent)).toEqual(['Tildel: Pasient 2']);
    expect(within(rows[2] as HTMLElement).getByText('Mangler')).toBeInTheDocument();
  });

  it('applies live events to the list and announces a new red item', async () => {
    mockFetch(() => jsonResponse(listOf([worklistItem(2)])));
    renderWithProviders(<WorklistPage me={nina} />);
    await screen.findByRole('link', { name: 'Pasient 2' });
    const source = lastSource();
    expect(source.url).toBe('/api/worklist/stream');

    act(() =>
      source.emit(
        'raised',
        worklistItem(7, {
          level: 'RED',
          patientName: 'Kari Nordvik',
          summary: 'Blood pressure panel: 182 / 110 mm[Hg]',
        }),
      ),
    );
    await screen.findByRole('link', { name: 'Kari Nordvik' });
    const rows = within(screen.getByRole('list', { name: 'Arbeidsliste' })).getAllByRole(
      'listitem',
    );
    expect(
      within(rows[0] as HTMLElement).getByRole('link', { name: 'Kari Nordvik' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Ny rød sak: Kari Nordvik, Blood pressure panel: 182 / 110 mm[Hg]'),
    ).toHaveAttribute('aria-live', 'polite');

    act(() =>
      source.emit(
        'taken',
        worklistItem(2, { status: 'IN_PROGRESS', assigneeName: 'Ola Hansen', version: 1 }),
      ),
    );
    // The query cache tells React on a zero timeout, so wait for it.
    expect(await screen.findByText('Tatt av Ola Hansen')).toBeInTheDocument();

    act(() => source.emit('resolved', worklistItem(7, { level: 'RED', status: 'RESOLVED' })));
    await vi.waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Kari Nordvik' })).not.toBeInTheDocument(),
    );
  });

  it('fetches the list again after the stream reconnects', async () => {
    const { requests } = mockFetch(() => jsonResponse(listOf([])));
    renderWithProviders(<WorklistPage me={nina} />);
    await screen.findByText('Ingenting på arbeidslisten nå.');
    const source = lastSource();
    act(() => source.emit('open'));
    expect(requests).toHaveLength(1); // the first open is not a reconnect
    act(() => {
      source.emit('error');
      source.emit('open');
    });
    await vi.waitFor(() => expect(requests).toHaveLength(2));
  });

  it('fetches the list again when the server says the stream missed changes (reload)', async () => {
    const { requests } = mockFetch(() => jsonResponse(listOf([])));
    renderWithProviders(<WorklistPage me={nina} />);
    await screen.findByText('Ingenting på arbeidslisten nå.');
    const source = lastSource();
    expect(requests).toHaveLength(1);
    act(() => source.emit('reload', { reload: true }));
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]?.url.pathname).toBe('/api/worklist');
  });

  it('says someone else took it when taking loses the race, and refreshes the list', async () => {
    let taken = false;
    const { requests } = mockFetch((request) => {
      if (request.method === 'POST') {
        taken = true;
        return problemResponse({
          type: 'urn:heima:problem:state-conflict',
          status: 409,
          detail: 'Someone else took item item-1 first',
        });
      }
      return jsonResponse(
        listOf([
          worklistItem(1, taken ? { status: 'IN_PROGRESS', assigneeName: 'Ola Hansen' } : {}),
        ]),
      );
    });
    const { user } = renderWithProviders(<WorklistPage me={nina} />);
    await user.click(await screen.findByRole('button', { name: 'Jeg tar den: Pasient 1' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Noen andre tok den. Listen er oppdatert.',
    );
    expect(await screen.findByText('Tatt av Ola Hansen')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')[0]?.url.pathname).toBe(
      '/api/worklist/item-1/take',
    );
  });

  it('takes an item, then resolves it only with an action and a note', async () => {
    const mine = { status: 'IN_PROGRESS' as const, assigneeSubject: 'sykepleier1', version: 1 };
    const { requests } = mockFetch((request) => {
      if (request.url.pathname.endsWith('/take'))
        return jsonResponse(worklistItem(1, { ...mine, assigneeName: 'Nina Berg' }));
      if (request.url.pathname.endsWith('/resolve'))
        return jsonResponse(worklistItem(1, { status: 'RESOLVED', version: 2 }));
      return jsonResponse(listOf([worklistItem(1)]));
    });
    const { user } = renderWithProviders(<WorklistPage me={nina} />, { language: 'en' });
    await user.click(await screen.findByRole('button', { name: "I'll take it: Pasient 1" }));
    expect(await screen.findByText('Taken by you')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Resolve: Pasient 1' }));
    await user.click(screen.getByRole('button', { name: 'Mark as resolved' }));
    expect(screen.getByText('Choose what was done.')).toBeInTheDocument();
    expect(screen.getByText('Write a note.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Action' })).toHaveFocus();
    expect(requests.some((r) => r.url.pathname.endsWith('/resolve'))).toBe(false);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'CALLED_PATIENT');
    await user.type(screen.getByRole('textbox', { name: 'Note' }), '  Called, will remeasure ');
    await user.type(
      screen.getByRole('textbox', { name: 'Message to the patient (optional)' }),
      'Measure again tonight.',
    );
    await user.click(screen.getByRole('button', { name: 'Mark as resolved' }));

    expect(await screen.findByText('Nothing on the worklist right now.')).toBeInTheDocument();
    const resolve = requests.find((r) => r.url.pathname === '/api/worklist/item-1/resolve');
    expect(resolve?.body).toEqual({
      action: 'CALLED_PATIENT',
      note: 'Called, will remeasure',
      patientMessage: 'Measure again tonight.',
    });
  });

  // Pages of 50 rows are slow to render and query in jsdom on a busy machine.
  describe('paging', { timeout: 30_000 }, () => {
    /** A team with `total` open items; the server answers the page asked for, 50 at a time. */
    function serveTeam(total: number, red: (n: number) => boolean = () => false) {
      return mockFetch((request) => {
        const page = Number(request.url.searchParams.get('page'));
        const size = Number(request.url.searchParams.get('size'));
        const first = page * size;
        const items = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, i) =>
          worklistItem(first + i + 1, red(first + i + 1) ? { level: 'RED' } : {}),
        );
        return jsonResponse({ items, page, size, total });
      });
    }

    function rows(name = 'Arbeidsliste') {
      return within(screen.getByRole('list', { name })).getAllByRole('listitem');
    }

    it('turns pages with next, previous and page numbers, and says which items it shows', async () => {
      const { requests } = serveTeam(500);
      const { user } = renderWithProviders(<WorklistPage me={nina} />);
      await screen.findByText('Viser 1–50 av 500');
      expect(requests[0]?.url.searchParams.get('page')).toBe('0');
      expect(requests[0]?.url.searchParams.get('size')).toBe('50');
      expect(rows()).toHaveLength(50);
      const nav = screen.getByRole('navigation', { name: 'Sider i arbeidslisten' });
      const previous = within(nav).getByRole('button', { name: 'Forrige side' });
      expect(previous).toHaveAttribute('aria-disabled', 'true');
      expect(within(nav).getByRole('button', { name: 'Side 1' })).toHaveAttribute(
        'aria-current',
        'page',
      );

      const next = within(nav).getByRole('button', { name: 'Neste side' });
      await user.click(next);
      await screen.findByText('Viser 51–100 av 500');
      expect(requests.at(-1)?.url.searchParams.get('page')).toBe('1');
      expect(screen.getByRole('link', { name: 'Pasient 51' })).toBeInTheDocument();
      expect(screen.queryByRole('link', { name: 'Pasient 1' })).not.toBeInTheDocument();
      expect(rows()).toHaveLength(50);
      expect(screen.getByRole('button', { name: 'Side 2' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      expect(screen.getByRole('button', { name: 'Side 1' })).not.toHaveAttribute('aria-current');
      expect(next).toHaveFocus(); // the focus stays where the keyboard left it

      await user.click(screen.getByRole('button', { name: 'Side 10' }));
      await screen.findByText('Viser 451–500 av 500');
      expect(screen.getByRole('button', { name: 'Neste side' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      await user.click(screen.getByRole('button', { name: 'Neste side' }));
      expect(requests.at(-1)?.url.searchParams.get('page')).toBe('9'); // nothing past the end

      await user.click(screen.getByRole('button', { name: 'Forrige side' }));
      await screen.findByText('Viser 401–450 av 500');
    });

    it('is used with the keyboard alone', async () => {
      serveTeam(120);
      const { user } = renderWithProviders(<WorklistPage me={nina} />, { language: 'en' });
      await screen.findByText('Showing 1–50 of 120');
      screen.getByRole('button', { name: 'Next page' }).focus();
      await user.keyboard('{Enter}');
      await screen.findByText('Showing 51–100 of 120');
      await user.keyboard(' ');
      await screen.findByText('Showing 101–120 of 120');
      expect(rows('Worklist')).toHaveLength(20);
    });

    it('shows no paging control when everything fits on one page', async () => {
      serveTeam(3);
      renderWithProviders(<WorklistPage me={nina} />);
      await screen.findByRole('link', { name: 'Pasient 3' });
      expect(screen.queryByRole('navigation', { name: 'Sider i arbeidslisten' })).toBeNull();
    });

    it('announces a live red item on a later page, but not the red items a page shows when turned to', async () => {
      serveTeam(120, (n) => n > 50 && n <= 55);
      const { user } = renderWithProviders(<WorklistPage me={nina} />);
      await screen.findByText('Viser 1–50 av 120');
      await user.click(screen.getByRole('button', { name: 'Neste side' }));
      await screen.findByText('Viser 51–100 av 120');
      await screen.findByRole('link', { name: 'Pasient 51' });
      const live = document.querySelector('[aria-live="polite"]');
      expect(live?.textContent).toBe('');

      act(() =>
        lastSource().emit(
          'raised',
          worklistItem(900, { level: 'RED', patientName: 'Kari Nordvik', summary: '182 / 110' }),
        ),
      );
      await vi.waitFor(() => expect(live?.textContent).toBe('Ny rød sak: Kari Nordvik, 182 / 110'));
      // It belongs on the first page; this page counts it.
      expect(screen.queryByRole('link', { name: 'Kari Nordvik' })).not.toBeInTheDocument();
      await screen.findByText('Viser 51–100 av 121');
    });

    it('offers the first, the last and the neighbouring pages', () => {
      expect(pagesToOffer(0, 1)).toEqual([0]);
      expect(pagesToOffer(0, 10)).toEqual([0, 1, 'gap', 9]);
      expect(pagesToOffer(4, 10)).toEqual([0, 'gap', 3, 4, 5, 'gap', 9]);
      expect(pagesToOffer(9, 10)).toEqual([0, 'gap', 8, 9]);
      expect(pagesToOffer(2, 4)).toEqual([0, 1, 2, 3]);
    });
  });
});
