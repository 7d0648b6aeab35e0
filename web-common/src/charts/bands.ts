import { OSLO, locale } from '../dates';

/**
 * The yellow and red bands both apps shade behind a measured value (the patient's own chart and the
 * nurse's overview): which regions a value's bounds make, and how they are painted on a uPlot chart.
 * No uPlot import here: the drawing hook takes the few members of a chart it uses, so this file
 * needs no library of its own (each app brings uPlot).
 */

/** A shaded region of the y axis: from `low` to `high` (null: to the edge of the plot), yellow or red. */
export interface BandRegion {
  low: number | null;
  high: number | null;
  level: 'yellow' | 'red';
}

/** A value's bounds, as pathways and personal bounds give them (a missing bound is null or absent). */
export interface Bounds {
  redLow?: number | null | undefined;
  yellowLow?: number | null | undefined;
  yellowHigh?: number | null | undefined;
  redHigh?: number | null | undefined;
}

/** The yellow and red regions of a value's bounds, outermost first; none without bounds. */
export function bandRegions(bounds: Bounds | null | undefined): BandRegion[] {
  if (bounds == null) return [];
  const redLow = bounds.redLow ?? null;
  const yellowLow = bounds.yellowLow ?? null;
  const yellowHigh = bounds.yellowHigh ?? null;
  const redHigh = bounds.redHigh ?? null;
  const regions: BandRegion[] = [];
  if (redHigh !== null) regions.push({ low: redHigh, high: null, level: 'red' });
  if (redLow !== null) regions.push({ low: null, high: redLow, level: 'red' });
  if (yellowHigh !== null) regions.push({ low: yellowHigh, high: redHigh, level: 'yellow' });
  if (yellowLow !== null) regions.push({ low: redLow, high: yellowLow, level: 'yellow' });
  return regions;
}

/** The band colours: see-through, so grid lines and points stay visible over them. */
export const BAND_FILL: Record<BandRegion['level'], string> = {
  yellow: 'rgba(255, 196, 0, 0.22)',
  red: 'rgba(200, 30, 30, 0.14)',
};

/** What the drawing needs of a uPlot chart (structurally a `uPlot`). */
export interface PlotArea {
  bbox: { left: number; top: number; width: number; height: number };
  ctx: CanvasRenderingContext2D;
  valToPos(value: number, scale: string, canvasPixels?: boolean): number;
}

/**
 * A uPlot hook (`drawClear` or `drawAxes`) that shades the regions across the plot area, clipped
 * to it, under the lines. The y scale is named `y`.
 */
export function drawBands(regions: readonly BandRegion[]) {
  return (plot: PlotArea): void => {
    const { left, top, width, height } = plot.bbox;
    const context = plot.ctx;
    context.save();
    for (const region of regions) {
      const y1 = region.high === null ? top : plot.valToPos(region.high, 'y', true);
      const y2 = region.low === null ? top + height : plot.valToPos(region.low, 'y', true);
      const from = Math.max(top, Math.min(y1, y2));
      const to = Math.min(top + height, Math.max(y1, y2));
      if (to <= from) continue;
      context.fillStyle = BAND_FILL[region.level];
      context.fillRect(left, from, width, to - from);
    }
    context.restore();
  };
}

/**
 * Labels for a time axis in Norwegian time (x in seconds since the epoch): dates ("20.11.") over a
 * period longer than two days, clock times ("08:30") within it. A uPlot axis `values` function.
 */
export function timeAxisLabels(language: string, from: number, to: number) {
  const format = new Intl.DateTimeFormat(locale(language), {
    timeZone: OSLO,
    ...(to - from > 2 * 86_400
      ? { day: 'numeric', month: 'numeric' }
      : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  });
  return (_plot: unknown, splits: number[]): string[] =>
    splits.map((s) => format.format(new Date(s * 1000)));
}
