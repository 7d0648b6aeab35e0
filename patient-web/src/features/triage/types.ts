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
  /** Set when the submission could not be assessed: it goes to a nurse (never "all is well"). */
  couldNotAssess?: { cause: string; detail: string } | null;
  /** The value is collected but, by the pathway's choice, not monitored automatically. */
  collectOnly?: boolean;
}

/** Self-management advice for the level, as the pathway wrote it. */
export interface Advice {
  nb: string | null;
  en: string | null;
}
