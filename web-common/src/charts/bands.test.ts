import { BAND_FILL, bandRegions, drawBands, timeAxisLabels, type PlotArea } from './bands';

describe('the yellow and red bands of a value’s bounds', () => {
  it('makes a region per bound, open at the outer edges', () => {
    expect(bandRegions({ redLow: 85, yellowLow: 90, yellowHigh: 140, redHigh: 160 })).toEqual([
      { low: 160, high: null, level: 'red' },
      { low: null, high: 85, level: 'red' },
      { low: 140, high: 160, level: 'yellow' },
      { low: 85, high: 90, level: 'yellow' },
    ]);
  });

  it('lets a yellow band run to the edge when there is no red bound beyond it', () => {
    expect(bandRegions({ yellowHigh: 38, redLow: null })).toEqual([
      { low: 38, high: null, level: 'yellow' },
    ]);
    expect(bandRegions({ yellowLow: 92 })).toEqual([{ low: null, high: 92, level: 'yellow' }]);
  });

  it('has no bands without bounds', () => {
    expect(bandRegions(undefined)).toEqual([]);
    expect(bandRegions(null)).toEqual([]);
    expect(bandRegions({})).toEqual([]);
  });
});

/** A 100 px high plot area from y=10, value v at pixel 110 - v (0 at the bottom, 100 at the top). */
function fakePlot() {
  const rects: Array<{ fill: string; x: number; y: number; w: number; h: number }> = [];
  let fill = '';
  const ctx = {
    save: () => {},
    restore: () => {},
    set fillStyle(value: string) {
      fill = value;
    },
    fillRect: (x: number, y: number, w: number, h: number) => rects.push({ fill, x, y, w, h }),
  } as unknown as CanvasRenderingContext2D;
  const plot: PlotArea = {
    bbox: { left: 5, top: 10, width: 200, height: 100 },
    ctx,
    valToPos: (value) => 110 - value,
  };
  return { plot, rects };
}

describe('painting the bands', () => {
  it('shades each region across the plot, clipped to it', () => {
    const { plot, rects } = fakePlot();
    drawBands(bandRegions({ redLow: 20, yellowLow: 30, yellowHigh: 70, redHigh: 150 }))(plot);
    expect(rects).toEqual([
      // red above 150 lies above the plot: nothing drawn
      { fill: BAND_FILL.red, x: 5, y: 90, w: 200, h: 20 }, // below 20: from y=90 to the bottom (110)
      { fill: BAND_FILL.yellow, x: 5, y: 10, w: 200, h: 30 }, // 70..150, clipped at the top
      { fill: BAND_FILL.yellow, x: 5, y: 80, w: 200, h: 10 }, // 20..30
    ]);
  });
});

describe('time axis labels', () => {
  it('writes dates over weeks and clock times within a day, in Norwegian time', () => {
    const day = Date.UTC(2026, 10, 20, 7, 30) / 1000;
    expect(timeAxisLabels('nb', day - 30 * 86_400, day)(null, [day])).toEqual(['20.11.']);
    expect(timeAxisLabels('en', day - 30 * 86_400, day)(null, [day])).toEqual(['20/11']);
    expect(timeAxisLabels('nb', day - 3600, day)(null, [day])).toEqual(['08:30']);
  });
});
