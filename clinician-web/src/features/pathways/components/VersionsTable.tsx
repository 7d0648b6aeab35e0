import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo } from '../../../lib/dates';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { usePathwayVersions } from '../hooks/usePathways';

/** The published versions, newest first, each with a way to preview its schedule. */
export function VersionsTable(props: {
  pathwayId: string;
  latestVersion: number;
  onPreview: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const versions = usePathwayVersions(props.pathwayId, props.latestVersion);

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('versions.heading')}</h2>
      {props.latestVersion === 0 ? (
        <p className="list-status">{t('versions.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table">
            <caption id={captionId} className="visually-hidden">
              {t('versions.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.version')}</th>
                <th scope="col">{t('versions.publishedAt')}</th>
                <th scope="col">{t('versions.publishedBy')}</th>
                <th scope="col">{t('versions.activities')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('versions.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((query, index) => {
                const version = props.latestVersion - index;
                return (
                  <tr key={version}>
                    <th scope="row" className="numeric">
                      {t('pathways.version', { version })}
                    </th>
                    {query.isPending ? (
                      <td colSpan={3}>
                        <Loading />
                      </td>
                    ) : query.isError ? (
                      <td colSpan={3}>
                        <ErrorPanel error={query.error} />
                      </td>
                    ) : (
                      <>
                        <td className="numeric">
                          {dateTimeInOslo(query.data.publishedAt, language)}
                        </td>
                        <td>{query.data.publishedBy}</td>
                        <td>{query.data.definition.activities.map((a) => a.title).join(', ')}</td>
                      </>
                    )}
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => props.onPreview(version)}
                      >
                        {t('versions.preview', { version })}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
