import { act, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '@heima/web-common/test/fetchMock';
import { nina } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { FakeEventSource, worklistItem } from '../../../test/worklistFixtures';
import type { PatientRow, PatientRowsPage } from '../api/caseload';
import type { WorklistItem } from '../api/worklist';
import { CaseloadPage } from './CaseloadPage';

const now = new Date('2026-11-20T12:00:00Z');

function row(n: number, items: WorklistItem[], overrides: Partial<PatientRow> = {}): PatientRow {
  return {
    patientId: `patient-${n}`,
    patientName: `Pasient ${n}`,
    identifier: `0101190000${n}`,
    phone: null,
    worstLevel: items[0]?.level ?? 'YELLOW',
    counts: {},
    overdue: 0,
    oldestRaisedAt: '2026-11-20T10:00:00Z',
    items,
    ...overrides,
  };
}

function pageOf(rows: PatientRow[], total = rows.length): PatientRowsPage {
  return {
    items: rows,
    page: 0,
    size: 25,
    total,
    itemTotal: rows.reduce((n, r) => n + r.items.length, 0),
  };
}

const kari = row(
  1,
  [
    worklistItem(1, { level: 'RED', patientName: 'Kari Nordvik', patientId: 'patient-1' }),
    worklistItem(2, {
      kind: 'RESPONSE',
      patientName: 'Kari Nordvik',
      patientId: 'patient-1',
      summary: 'Symptomer',
    }),
  ],
  {
    patientName: 'Kari Nordvik',
    phone: '+47 912 34 567',
    counts: { MEASUREMENT: 1, RESPONSE: 1 },
    overdue: 1,
  },
);

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.useFakeTimers({ now, toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.title = '';
});

describe('caseload worklist', () => {
  it('shows one row per patient with level, phone, counts per kind, and opens the items', async () => {
    mockFetch((request) =>
      request.url.pathname === '/api/team-directory'
        ? jsonResponse([])
        : jsonResponse(pageOf([kari, row(3, [worklistItem(3)])])),
    );
    const { user } = renderWithProviders(<CaseloadPage me={nina} />);

    const table = await screen.findByRole('table', { name: 'Arbeidsliste' });
    const rows = within(table).getAllByRole('row');
    const first = within(rows[1] as HTMLElement);
    expect(first.getByRole('rowheader')).toHaveTextContent('Kari Nordvik');
    expect(first.getByText('Rød')).toBeInTheDocument();
    expect(first.getByRole('link', { name: '+47 912 34 567' })).toHaveAttribute(
      'href',
      'tel:+4791234567',
    );
    expect(first.getByText('1 måling, 1 skjema')).toBeInTheDocument();
    expect(first.getByText('1 forfalt')).toBeInTheDocument();
    expect(screen.getByText('2 pasienter, 3 saker')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Saker for Kari Nordvik' })).not.toBeInTheDocument();

    const open = first.getByRole('button', { name: 'Vis saker: Kari Nordvik' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const items = screen.getByRole('list', { name: 'Saker for Kari Nordvik' });
    expect(within(items).getAllByRole('listitem')).toHaveLength(2);
    expect(within(items).getByRole('link', { name: /Les svarene/ })).toBeInTheDocument();
  });

  it('pages through a patient with more items than their row holds, keeping the filter', async () => {
    const many = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        worklistItem(from + i, {
          kind: 'MISSING',
          level: 'MISSING',
          patientId: 'patient-7',
          patientName: 'Ola Mange',
          summary: `Vekt ${from + i}`,
        }),
      );
    const ola = row(7, many(1, 50), { patientName: 'Ola Mange', counts: { MISSING: 120 } });
    const { requests } = mockFetch((request) => {
      if (request.url.pathname === '/api/worklist/patients/patient-7/items') {
        const page = Number(request.url.searchParams.get('page'));
        return jsonResponse({
          items: many(page * 50 + 1, Math.min(50, 120 - page * 50)),
          page,
          size: 50,
          total: 120,
        });
      }
      return jsonResponse(pageOf([ola]));
    });
    const { user } = renderWithProviders(<CaseloadPage me={nina} />);
    await user.selectOptions(await screen.findByLabelText('Nivå'), 'MISSING');
    await user.click(await screen.findByRole('button', { name: 'Vis saker: Ola Mange' }));

    const pager = screen.getByRole('navigation', { name: 'Sider med saker for Ola Mange' });
    expect(within(pager).getByText('Viser 1–50 av 120')).toBeInTheDocument();
    await user.click(within(pager).getByRole('button', { name: 'Side 3' }));
    expect(await screen.findByText(/Vekt 120\b/)).toBeInTheDocument();
    const items = screen.getByRole('list', { name: 'Saker for Ola Mange' });
    expect(within(items).getAllByRole('listitem')).toHaveLength(20);
    const asked = requests.find((r) => r.url.pathname.endsWith('/patient-7/items'));
    expect(asked?.url.searchParams.get('page')).toBe('2');
    expect(asked?.url.searchParams.get('size')).toBe('50');
    expect(asked?.url.searchParams.get('level')).toBe('MISSING');
  });

  it('asks the server for the filter and the search, and moves between rows with the arrow keys', async () => {
    const { requests } = mockFetch(() => jsonResponse(pageOf([kari, row(3, [worklistItem(3)])])));
    const { user } = renderWithProviders(<CaseloadPage me={nina} />);
    await screen.findByRole('table');

    await user.selectOptions(screen.getByLabelText('Nivå'), 'RED');
    await user.selectOptions(screen.getByLabelText('Vis'), 'MINE');
    await user.keyboard('/');
    expect(screen.getByLabelText('Vis')).toHaveFocus(); // not while in a field
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('/');
    expect(screen.getByLabelText('Søk på navn eller fødselsnummer')).toHaveFocus();
    await user.keyboard('Nordvik{Enter}');
    const last = requests.filter((r) => r.url.pathname === '/api/worklist/patients').at(-1);
    expect(last?.url.searchParams.get('level')).toBe('RED');
    expect(last?.url.searchParams.get('show')).toBe('MINE');
    expect(last?.url.searchParams.get('q')).toBe('Nordvik');
    expect(last?.url.searchParams.get('page')).toBe('0');

    const toggles = await screen.findAllByRole('button', { name: /^Vis saker/ });
    (toggles[0] as HTMLElement).focus();
    await user.keyboard('{ArrowDown}');
    expect(toggles[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(toggles[0]).toHaveFocus();
  });

  it('assigns an item to a colleague from the team directory, and says when one is not on the team', async () => {
    let refuse = false;
    const { requests } = mockFetch((request) => {
      if (request.url.pathname === '/api/team-directory')
        return jsonResponse([
          { team: 'hjerte', subject: 'sykepleier3', name: 'Siri Moe', roles: 'CLINICIAN' },
          { team: 'lunge', subject: 'sykepleier2', name: 'Per Lund', roles: 'CLINICIAN' },
        ]);
      if (request.url.pathname.endsWith('/assign'))
        return refuse
          ? problemResponse({ type: 'urn:heima:problem:not-team-member', status: 422 })
          : jsonResponse(
              worklistItem(1, {
                status: 'IN_PROGRESS',
                assigneeSubject: 'sykepleier3',
                assigneeName: 'Siri Moe',
                version: 1,
              }),
            );
      return jsonResponse(pageOf([kari]));
    });
    const { user } = renderWithProviders(<CaseloadPage me={nina} />);
    await user.click(await screen.findByRole('button', { name: 'Vis saker: Kari Nordvik' }));
    const [firstAssign] = screen.getAllByRole('button', { name: 'Tildel: Kari Nordvik' });
    await user.click(firstAssign as HTMLElement);
    const to = await screen.findByLabelText('Tildel til');
    await screen.findByRole('option', { name: 'Siri Moe' });
    expect(within(to).queryByRole('option', { name: 'Per Lund' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tildel' }));
    expect(await screen.findByText('Velg en kollega.')).toBeInTheDocument();
    await user.selectOptions(to, 'sykepleier3');
    await user.click(screen.getByRole('button', { name: 'Tildel' }));
    expect(requests.find((r) => r.url.pathname.endsWith('/assign'))?.body).toEqual({
      subject: 'sykepleier3',
    });

    refuse = true;
    const [again] = await screen.findAllByRole('button', { name: 'Tildel: Kari Nordvik' });
    await user.click(again as HTMLElement);
    await user.selectOptions(await screen.findByLabelText('Tildel til'), 'sykepleier3');
    await user.click(screen.getByRole('button', { name: 'Tildel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Kollegaen er ikke på teamet til saken.',
    );
  });

  it('fetches the caseload again when the server says the stream missed changes (reload)', async () => {
    const { requests } = mockFetch(() => jsonResponse(pageOf([kari])));
    renderWithProviders(<CaseloadPage me={nina} />);
    await screen.findByRole('table');
    const before = requests.length;
    const source = FakeEventSource.instances.at(-1) as FakeEventSource;
    act(() => source.emit('reload', { reload: true }));
    await vi.waitFor(() => expect(requests.length).toBeGreaterThan(before));
    expect(requests.at(-1)?.url.pathname).toBe('/api/worklist/patients');
  });

  it('puts the number of new red items in the tab title until the nurse has seen them', async () => {
    mockFetch(() => jsonResponse(pageOf([kari])));
    const { user } = renderWithProviders(<CaseloadPage me={nina} />);
    await screen.findByRole('table');
    expect(document.title).toBe('Heima – helsepersonell');
    const source = FakeEventSource.instances.at(-1) as FakeEventSource;
    act(() => source.emit('raised', worklistItem(9, { level: 'RED', patientName: 'Ola' })));
    act(() => source.emit('raised', worklistItem(9, { level: 'RED', patientName: 'Ola' })));
    act(() => source.emit('raised', worklistItem(10, { level: 'YELLOW' })));
    expect(document.title).toBe('(1) Heima – helsepersonell');
    expect(screen.getByText('1 ny rød sak siden du så sist.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sett' }));
    expect(document.title).toBe('Heima – helsepersonell');
  });

  it('raises a browser notification for a new red item when the nurse turned them on', async () => {
    const shown: Array<{ title: string; body?: string }> = [];
    class FakeNotification {
      static permission: NotificationPermission = 'default';
      static requestPermission = vi.fn(async () => {
        FakeNotification.permission = 'granted';
        return 'granted' as NotificationPermission;
      });
      readonly title: string;
      constructor(title: string, options?: NotificationOptions) {
        this.title = title;
        shown.push({ title, ...(options?.body ? { body: options.body } : {}) });
      }
    }
    vi.stubGlobal('Notification', FakeNotification);
    mockFetch(() => jsonResponse(pageOf([kari])));
    const { user } = renderWithProviders(<CaseloadPage me={nina} />);
    await screen.findByRole('table');
    const source = FakeEventSource.instances.at(-1) as FakeEventSource;
    act(() => source.emit('raised', worklistItem(8, { level: 'RED', patientName: 'Per' })));
    expect(shown).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Varsle meg om nye røde saker' }));
    expect(await screen.findByText(/Du får varsel i nettleseren/)).toBeInTheDocument();
    act(() =>
      source.emit('raised', worklistItem(9, { level: 'RED', patientName: 'Ola', summary: 'Vekt' })),
    );
    expect(shown).toEqual([{ title: 'Ny rød sak i Heima', body: 'Ny rød sak: Ola, Vekt' }]);
  });
});
