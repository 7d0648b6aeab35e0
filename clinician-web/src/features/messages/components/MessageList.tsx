import { useTranslation } from 'react-i18next';
import { MessageList as Conversation } from '@heima/web-common/ui/MessageList';
import type { Message } from '../api/messages';

/** The conversation as the nurse sees it: every read receipt, the patient named, photos open full size. */
export function MessageList({ messages }: { messages: Message[] }) {
  const { t } = useTranslation();
  return (
    <Conversation
      messages={messages}
      me="CLINICIAN"
      linkPhotos
      authorLabel={(m) =>
        m.authorKind === 'PATIENT'
          ? t('messages.fromPatient', { name: m.authorName })
          : m.authorName
      }
    />
  );
}
