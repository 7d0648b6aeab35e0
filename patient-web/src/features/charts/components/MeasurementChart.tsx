import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { PATIENT_ZONE } from '../../../lib/dates';
import { drawBands, timeAxisLabels, type BandRegion } from '@heima/web-common/charts/bands';
import type { Measurement } from '../../measurements/api/measurements';
import type { VitalInfo } from '@heima/web-common/vitals';
import { lineStyle, toColumns } from '../series';

export interface MeasurementChartProps {
  /** The vital as the backend's catalogue describes it. */
  vital: VitalInfo;
  measurements: readonly Measurement[];
  names: string[];
  unit: string;
  /** The period shown, as seconds since the epoch: the x axis spans it even for one point. */
  from: number;
  to: number;
  language: string;
  /** The patient's own yellow and red regions of the first charted value, shaded behind it. */
  bands?: readonly BandRegion[];
}

/**
 * The picture of a vital over time (uPlot, lazily loaded). Hidden from assistive technology: the
 * table beside it carries the same values.
 */
export default function MeasurementChart(props: MeasurementChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const data = toColumns(props.vital, props.measurements) as uPlot.AlignedData;
    const width = () => Math.max(260, element.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 240,
        legend: { show: false },
        hooks: { drawAxes: [drawBands(props.bands ?? [])] },
        cursor: { show: false },
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), PATIENT_ZONE),
        scales: {
          x: { time: true, auto: false, range: [props.from, props.to] },
          // Room above and below, so a point on the edge is never cut off.
          y: {
            range: (_plot, min, max) => {
              const pad = Math.max((max - min) * 0.15, Math.abs(max) * 0.05, 1);
              return [Math.max(0, min - pad), max + pad];
            },
          },
        },
        axes: [
          {
            stroke: '#1b1d1f',
            grid: { stroke: '#d5dadf' },
            values: timeAxisLabels(props.language, props.from, props.to),
          },
          { stroke: '#1b1d1f', grid: { stroke: '#d5dadf' }, label: props.unit, size: 56 },
        ],
        series: [
          {},
          ...props.names.map((name, index) => {
            const style = lineStyle(index);
            return {
              label: name,
              stroke: style.stroke,
              width: 2,
              ...(style.dash ? { dash: [...style.dash] } : {}),
              points: { show: true, size: 7, fill: '#ffffff' },
              spanGaps: true,
            };
          }),
        ],
      },
      data,
      element,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: 240 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [
    props.vital,
    props.measurements,
    props.names,
    props.unit,
    props.from,
    props.to,
    props.language,
    props.bands,
  ]);
  return <div ref={container} className="chart__canvas" aria-hidden="true" />;
}
