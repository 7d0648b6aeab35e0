import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import { Link } from '../../../lib/router';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { usePathways } from '../hooks/usePathways';

/** The team's pathways with their latest published version and whether a draft is waiting. */
export function PathwayList() {
  const { t, i18n } = useTranslation();
  const captionId = useId();
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
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table">
            <caption id={captionId} className="visually-hidden">
              {t('pathways.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('pathways.name')}</th>
                <th scope="col">{t('pathways.team')}</th>
                <th scope="col">{t('pathways.latestVersion')}</th>
                <th scope="col">{t('pathways.draft')}</th>
                <th scope="col">{t('pathways.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
