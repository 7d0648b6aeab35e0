import { useTranslation } from 'react-i18next';
import type { Level } from '../api/responses';

// The shape carries the level too, so it does not rest on colour alone.
const SHAPES: Record<Level, string> = { RED: '▲', YELLOW: '◆', GREEN: '●' };

export function ResponseLevel({ level }: { level: Level }) {
  const { t } = useTranslation();
  return (
    <span className={`wl-level wl-level--${level.toLowerCase()}`}>
      <span aria-hidden="true" className="wl-level__shape">
        {SHAPES[level]}
      </span>{' '}
      {t(`responses.level.${level}`)}
    </span>
  );
}
