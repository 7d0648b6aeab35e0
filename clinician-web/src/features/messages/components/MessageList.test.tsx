import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { testMessage as message } from '@heima/web-common/test/messages';
import { MessageList } from './MessageList';

describe('the conversation as the nurse sees it', () => {
  it('shows text as text (never markup), photos with alt text and read receipts', () => {
    renderWithProviders(
      <MessageList
        messages={[
          message({
            text: '<b>ikke fet</b> & <script>alert(1)</script>',
            photos: [
              {
                id: 'p1',
                contentType: 'image/png',
                size: 10,
                url: '/api/patients/x/messages/photos/p1',
              },
              {
                id: 'p2',
                contentType: 'image/heic',
                size: 10,
                url: '/api/patients/x/messages/photos/p2',
              },
            ],
            readAt: '2026-11-21T09:32:00Z',
            readByName: 'Nina Berg',
          }),
          message({ id: 'm-2', authorKind: 'CLINICIAN', authorName: 'Nina Berg', text: 'Svar' }),
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('message'));
    expect(items).toHaveLength(2);
    const [first, second] = items as [HTMLElement, HTMLElement];
    expect(
      within(first).getByText('<b>ikke fet</b> & <script>alert(1)</script>'),
    ).toBeInTheDocument();
    expect(first.querySelector('b, script')).toBeNull();
    expect(within(first).getByRole('img', { name: 'Bilde fra pasienten, 1 av 2' })).toHaveAttribute(
      'src',
      '/api/patients/x/messages/photos/p1',
    );
    expect(
      within(first).getByRole('link', { name: 'Last ned Bilde fra pasienten, 2 av 2 (HEIC)' }),
    ).toBeInTheDocument();
    expect(within(first).getByText('Lest av Nina Berg kl. 10:32')).toBeInTheDocument();
    expect(within(second).getByText('Ikke lest ennå')).toBeInTheDocument();
  });

  it('says so in English too', () => {
    renderWithProviders(
      <MessageList
        messages={[message({ readAt: '2026-11-21T09:32:00Z', readByName: 'Nina Berg' })]}
      />,
      { language: 'en' },
    );
    expect(screen.getByText('Read by Nina Berg at 10:32')).toBeInTheDocument();
  });
});
