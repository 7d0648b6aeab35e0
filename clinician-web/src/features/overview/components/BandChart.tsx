import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { CLINIC_TIME_ZONE } from '../../../lib/dates';
import type { Band } from '../api/measurements';

const FILL: Record<Band['level'], string> = {
  yellow: 'rgba(230, 180, 0, 0.22)',
  red: 'rgba(179, 20, 29, 0.16)',
};

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
  bands: Band[];
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
    const bounds = bands.flatMap((b) => [b.from, b.to]).filter((v): v is number => v !== null);
    const values = [...y, ...bounds];
    const pad = 10;
    const min = Math.min(...values) - pad;
    const max = Math.max(...values) + pad;
    const drawBands = (u: uPlot) => {
      const { ctx, bbox } = u;
      ctx.save();
      for (const band of bands) {
        const top = u.valToPos(band.to ?? max, 'y', true);
        const bottom = u.valToPos(band.from ?? min, 'y', true);
        ctx.fillStyle = FILL[band.level];
        ctx.fillRect(
          bbox.left,
          Math.max(top, bbox.top),
          bbox.width,
          Math.min(bottom, bbox.top + bbox.height) - Math.max(top, bbox.top),
        );
      }
      ctx.restore();
    };
    const ticks = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
      timeZone: CLINIC_TIME_ZONE,
      day: 'numeric',
      month: 'numeric',
    });
    const chart = new uPlot(
      {
        width: Math.max(280, Math.min(element.clientWidth || 640, 720)),
        height: 220,
        legend: { show: false },
        scales: {
          // Always the last 90 days, so a single point does not stretch the axis over years.
          x: {
            time: true,
            range: () => xRange ?? [Date.now() / 1000 - 90 * 86_400, Date.now() / 1000],
          },
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
        axes: [
          { values: (_u, splits) => splits.map((s) => ticks.format(new Date(s * 1000))) },
          { label: unit },
        ],
        hooks: { drawClear: [drawBands] },
      },
      [x, y],
      element,
    );
    return () => chart.destroy();
  }, [x, y, bands, label, unit, xRange, language]);
  return <div ref={host} aria-hidden="true" className="band-chart" />;
}
