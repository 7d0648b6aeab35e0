import { screen } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import { AuditPage } from './AuditPage';

const row = {
  id: 7,
  occurredAt: '2026-11-21T09:00:00Z',
  actorSubject: 'sub-per',
  actorName: 'Per Lund',
  actorRoles: 'CLINICIAN',
  patientId: '0b6c1d52-4c8e-4a5e-9a55-0d0f0b2f7a11',
  action: 'READ',
  resource: 'CarePlan',
  outcome: 'DENIED',
  detail: 'refused 404 GET /api/care-plans/x',
  purpose: 'TREAT',
};

describe('audit log page', () => {
  it('searches by user and decision and shows who, what, why and the decision', async () => {
    const { requests } = mockFetch(() => jsonResponse({ items: [row], page: 0, size: 100 }));
    const { user } = renderWithProviders(<AuditPage />);
    await user.type(screen.getByLabelText('Bruker (navn eller innloggings-id)'), 'Per');
    await user.selectOptions(screen.getByLabelText('Beslutning'), 'DENIED');
    await user.click(screen.getByRole('button', { name: 'Søk' }));
    const cell = await screen.findByRole('rowheader', { name: 'Per Lund' });
    const tableRow = cell.closest('tr');
    expect(tableRow).toHaveTextContent('Lest · CarePlan');
    expect(tableRow).toHaveTextContent('Helsehjelp');
    expect(tableRow).toHaveTextContent('Avvist');
    const last = requests.at(-1);
    expect(last?.url.pathname).toBe('/api/admin/audit');
    expect(last?.url.searchParams.get('actor')).toBe('Per');
    expect(last?.url.searchParams.get('outcome')).toBe('DENIED');
    expect(screen.getByRole('link', { name: 'Last ned som FHIR AuditEvent' })).toHaveAttribute(
      'href',
      '/api/admin/audit/fhir?actor=Per&outcome=DENIED&size=100',
    );
  });
});
