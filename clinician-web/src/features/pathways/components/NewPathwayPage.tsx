import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, navigate } from '../../../lib/router';
import type { Me } from '@heima/web-common/auth/me';
import { emptyForm } from '../api/pathwayForm';
import { useCreatePathway } from '../hooks/usePathways';
import { PathwayEditor } from './PathwayEditor';

/** A new pathway: saved as a draft of the admin's team, then opened for publishing. */
export function NewPathwayPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const create = useCreatePathway();
  const [initial] = useState(emptyForm);
  return (
    <div className="stack">
      <p>
        <Link to={{ name: 'pathways' }}>{t('pathways.back')}</Link>
      </p>
      <h1>{t('pathways.newHeading')}</h1>
      <p>{t('pathways.newIntro')}</p>
      <PathwayEditor
        initial={initial}
        teams={me.teams}
        submitLabel={t('pathwayEditor.create')}
        submittingLabel={t('pathwayEditor.saving')}
        onSave={async (definition, team) => {
          const created = await create.mutateAsync({
            definition,
            ...(team !== undefined ? { team } : {}),
          });
          navigate({ name: 'pathway', pathwayId: created.id });
        }}
      />
    </div>
  );
}
