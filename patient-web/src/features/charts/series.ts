import type { Measurement } from '../measurements/api/measurements';
import type { VitalComponent, VitalInfo } from '@heima/web-common/vitals';

/** The values drawn for a vital: for blood pressure the two pressures (the pulse has its own chart). */
export function chartedComponents(info: VitalInfo): VitalComponent[] {
  return info.vital === 'BLOOD_PRESSURE'
    ? info.components.filter((c) => c.code !== '8867-4')
    : info.components;
}

/** uPlot's columns: times in seconds, oldest first, then one column per charted value. */
export function toColumns(
  vital: VitalInfo,
  measurements: readonly Measurement[],
): number[][] & (number | null)[][] {
  const sorted = [...measurements].sort((a, b) => a.measuredAt.localeCompare(b.measuredAt));
  const times = sorted.map((m) => Date.parse(m.measuredAt) / 1000);
  const columns = chartedComponents(vital).map((component) =>
    sorted.map((m) => m.values.find((v) => v.code === component.code)?.value ?? null),
  );
  return [times, ...columns] as number[][] & (number | null)[][];
}

/** Line styles that differ in dash as well as colour (see the legend beside the chart). */
export const LINE_STYLES = [
  { stroke: '#00495a', dash: undefined },
  { stroke: '#8a3a00', dash: [8, 5] },
] as const;

export function lineStyle(index: number): (typeof LINE_STYLES)[number] {
  return index % 2 === 0 ? LINE_STYLES[0] : LINE_STYLES[1];
}
