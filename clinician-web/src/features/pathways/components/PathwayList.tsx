import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import { Link } from '../../../lib/router';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { usePathways } from '../hooks/usePathways';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

/** The team's pathways with their latest published version and whether a draft is waiting. */
export function PathwayList() {
  const { t, i18n } = useTranslation();
  const pathways = usePathways();
  const language = i18n.resolvedLanguage ?? i18n.language;

  return (
    <div className="stack">
      <div className="page-heading">
        <h1>{t('pathways.heading')}</h1>
        <Link to={{ name: 'newPathway' }} className="button button--primary">
          {t('pathways.new')}
        </Link>
      </div>
      <p>{t('pathways.intro')}</p>
      {pathways.isPending ? (
        <Loading label={t('pathways.loading')} />
      ) : pathways.isError ? (
        <ErrorPanel error={pathways.error} onRetry={() => void pathways.refetch()} />
      ) : pathways.data.length === 0 ? (
        <p className="list-status">{t('pathways.empty')}</p>
      ) : (
        <ScrollTable
          caption={t('pathways.caption')}
          columns={[
            t('pathways.name'),
            t('pathways.team'),
            t('pathways.latestVersion'),
            t('pathways.draft'),
            t('pathways.createdAt'),
          ]}
        >
          {pathways.data.map((pathway) => (
            <tr key={pathway.id}>
              <th scope="row">
                <Link to={{ name: 'pathway', pathwayId: pathway.id }}>{pathway.name}</Link>
              </th>
              <td>{pathway.team}</td>
              <td className="numeric">
                {pathway.latestVersion > 0
                  ? t('pathways.version', { version: pathway.latestVersion })
                  : t('pathways.notPublished')}
              </td>
              <td>{pathway.hasDraft ? t('pathways.hasDraft') : t('pathways.noDraft')}</td>
              <td className="numeric">
                {formatDate(pathway.createdAt.slice(0, 10), language, 'short')}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </div>
  );
}
