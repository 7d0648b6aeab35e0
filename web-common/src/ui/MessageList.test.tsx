import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18nWith, type Language } from '../i18n';
import type { Message } from '../messages';
import { testMessage as message } from '../test/messages';
import { MessageList, type MessageListProps } from './MessageList';

const texts = {
  nb: {
    app: { documentTitle: 'Heima – test' },
    messages: {
      empty: 'Ingen meldinger ennå.',
      photoAlt: 'Bilde {{index}} av {{count}}',
      downloadPhoto: 'Last ned {{name}} (HEIC)',
      readBy: 'Lest av {{name}} kl. {{time}}',
      unread: 'Ikke lest ennå',
    },
  },
  en: {
    app: { documentTitle: 'Heima – test (en)' },
    messages: {
      empty: 'No messages yet.',
      photoAlt: 'Photo {{index}} of {{count}}',
      downloadPhoto: 'Download {{name}} (HEIC)',
      readBy: 'Read by {{name}} at {{time}}',
      unread: 'Not read yet',
    },
  },
};

const photos: Message['photos'] = [
  { id: 'p1', contentType: 'image/png', size: 10, url: '/api/photos/p1' },
  { id: 'p2', contentType: 'image/heic', size: 10, url: '/api/photos/p2' },
];

const conversation = [
  message({
    text: '<b>ikke fet</b> & <script>alert(1)</script>',
    photos,
    readAt: '2026-11-21T09:32:00Z',
    readByName: 'Nina Berg',
  }),
  message({
    id: 'm-2',
    authorKind: 'CLINICIAN',
    authorName: 'Nina Berg',
    text: 'Svar',
    sentAt: '2026-11-21T10:00:00Z',
    readAt: '2026-11-22T07:15:00Z',
    readByName: 'Kari Nordvik',
  }),
];

function renderList(
  props: Partial<MessageListProps> & Pick<MessageListProps, 'me'>,
  language?: Language,
) {
  const i18n = createI18nWith(texts, language);
  render(
    <I18nextProvider i18n={i18n}>
      <MessageList
        messages={conversation}
        authorLabel={(m, mine) => (mine ? `meg (${m.authorName})` : `andre (${m.authorName})`)}
        {...props}
      />
    </I18nextProvider>,
  );
  const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('message'));
  expect(items).toHaveLength(2);
  return items as [HTMLElement, HTMLElement];
}

describe('a conversation, from either side', () => {
  it('shows text as text (never markup), photos with alt text, and every receipt in the nurse’s view', () => {
    const [first, second] = renderList({ me: 'CLINICIAN', linkPhotos: true });
    expect(
      within(first).getByText('<b>ikke fet</b> & <script>alert(1)</script>'),
    ).toBeInTheDocument();
    expect(first.querySelector('b, script')).toBeNull();
    expect(within(first).getByText('andre (Kari Nordvik)')).toBeInTheDocument();
    expect(within(second).getByText('meg (Nina Berg)')).toBeInTheDocument();
    expect(first).toHaveClass('message--theirs', 'message--patient');
    expect(second).toHaveClass('message--mine', 'message--team');
    const image = within(first).getByRole('img', { name: 'Bilde 1 av 2' });
    expect(image).toHaveAttribute('src', '/api/photos/p1');
    expect(image.closest('a')).toHaveAttribute('href', '/api/photos/p1');
    expect(
      within(first).getByRole('link', { name: 'Last ned Bilde 2 av 2 (HEIC)' }),
    ).toHaveAttribute('download');
    // read the same day: the time only; another day: date and time (Norwegian clock)
    expect(within(first).getByText('Lest av Nina Berg kl. 10:32')).toBeInTheDocument();
    expect(
      within(second).getByText('Lest av Kari Nordvik kl. 22.11.2026, 08:15'),
    ).toBeInTheDocument();
    expect(first.querySelector('time')).toHaveAttribute('datetime', '2026-11-21T09:00:00Z');
    expect(first.querySelector('time')).toHaveTextContent('21.11.2026, 10:00');
  });

  it('shows the patient only her own receipts, photos not as links, and the app’s item class', () => {
    const [first, second] = renderList({ me: 'PATIENT', receipts: 'mine', itemClassName: 'card' });
    expect(first).toHaveClass('message--mine', 'card');
    expect(second).toHaveClass('message--theirs', 'card');
    expect(within(first).getByText('meg (Kari Nordvik)')).toBeInTheDocument();
    expect(within(first).getByText('Lest av Nina Berg kl. 10:32')).toBeInTheDocument();
    expect(second.querySelector('.message__receipt')).toBeNull();
    expect(within(first).getByRole('img', { name: 'Bilde 1 av 2' }).closest('a')).toBeNull();
  });

  it('says so in English, and when there is nothing yet', () => {
    renderList({ me: 'CLINICIAN' }, 'en');
    expect(screen.getByText('Read by Nina Berg at 10:32')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Photo 1 of 2' })).toBeInTheDocument();
  });

  it('says there are no messages yet', () => {
    render(
      <I18nextProvider i18n={createI18nWith(texts, 'nb')}>
        <MessageList messages={[]} me="PATIENT" authorLabel={() => ''} />
      </I18nextProvider>,
    );
    expect(screen.getByText('Ingen meldinger ennå.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
