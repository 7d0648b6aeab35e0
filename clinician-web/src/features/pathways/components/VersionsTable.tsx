import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo } from '../../../lib/dates';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { usePathwayVersions } from '../hooks/usePathways';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

/** The published versions, newest first, each with a way to preview its schedule. */
export function VersionsTable(props: {
  pathwayId: string;
  latestVersion: number;
  onPreview: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const versions = usePathwayVersions(props.pathwayId, props.latestVersion);

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('versions.heading')}</h2>
      {props.latestVersion === 0 ? (
        <p className="list-status">{t('versions.none')}</p>
      ) : (
        <ScrollTable
          caption={t('versions.caption')}
          columns={[
            t('versions.version'),
            t('versions.publishedAt'),
            t('versions.publishedBy'),
            t('versions.activities'),
            { label: t('versions.actions'), hidden: true },
          ]}
        >
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
                    <td className="numeric">{dateTimeInOslo(query.data.publishedAt, language)}</td>
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
        </ScrollTable>
      )}
    </section>
  );
}
