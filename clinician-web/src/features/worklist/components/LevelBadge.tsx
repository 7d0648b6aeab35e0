import { useTranslation } from 'react-i18next';
import type { WorklistLevel } from '../api/worklist';

// The shape carries the level too, so it does not rest on colour alone.
const SHAPES: Record<WorklistLevel, string> = {
  RED: '▲',
  YELLOW: '◆',
  MISSING: '○',
  MESSAGE: '✉',
};

export function LevelBadge({ level }: { level: WorklistLevel }) {
  const { t } = useTranslation();
  return (
    <span className={`wl-level wl-level--${level.toLowerCase()}`}>
      <span aria-hidden="true" className="wl-level__shape">
        {SHAPES[level]}
      </span>{' '}
      {t(`worklist.level.${level}`)}
    </span>
  );
}
