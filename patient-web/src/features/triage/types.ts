export type Level = 'GREEN' | 'YELLOW' | 'RED';

export interface Reason {
  code: string;
  value: number;
  level: Level;
  bound: 'redLow' | 'yellowLow' | 'yellowHigh' | 'redHigh' | string;
  boundValue: number;
  source: 'PATHWAY' | 'PERSONAL' | string;
}

export interface Assessment {
  level: Level;
  reasons: Reason[];
  /** False when no bound applied: the level is then green by configuration, not by measurement. */
  assessed: boolean;
}

/** Self-management advice for the level, as the pathway wrote it. */
export interface Advice {
  nb: string | null;
  en: string | null;
}
