import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { drawBands, timeAxisLabels, type BandRegion } from '@heima/web-common/charts/bands';
import { CLINIC_TIME_ZONE } from '../lib/dates';

/**
 * One measured component over time with the plan's yellow and red bands behind the line. Loaded
 * lazily (uPlot is only needed on a patient's page); the table beside it carries the same data.
 */
export default function BandChart({
  x,
  y,
  bands,
  label,
  unit,
  xRange,
  language,
}: {
  x: number[];
  y: number[];
  bands: readonly BandRegion[];
  label: string;
  unit: string;
  /** The x axis in Unix seconds; by default the last 90 days. */
  xRange?: [number, number];
  /** The viewer's language: the date ticks are written its way ("20.11." in Norwegian). */
  language: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const bounds = bands.flatMap((b) => [b.low, b.high]).filter((v): v is number => v !== null);
    const values = [...y, ...bounds];
    const pad = 10;
    const min = Math.min(...values) - pad;
    const max = Math.max(...values) + pad;
    const now = Date.now() / 1000;
    // Always the last 90 days by default, so a single point does not stretch the axis over years.
    const [from, to] = xRange ?? [now - 90 * 86_400, now];
    const chart = new uPlot(
      {
        width: Math.max(280, Math.min(element.clientWidth || 640, 720)),
        height: 220,
        legend: { show: false },
        scales: {
          x: { time: true, range: () => [from, to] },
          y: { range: [min, max] },
        },
        series: [
          {},
          {
            label: `${label} (${unit})`,
            stroke: '#00495a',
            width: 2,
            points: { show: true, size: 6 },
          },
        ],
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), CLINIC_TIME_ZONE),
        axes: [{ values: timeAxisLabels(language, from, to) }, { label: unit }],
        hooks: { drawClear: [drawBands(bands)] },
      },
      [x, y],
      element,
    );
    return () => chart.destroy();
  }, [x, y, bands, label, unit, xRange, language]);
  return <div ref={host} aria-hidden="true" className="band-chart" />;
}
