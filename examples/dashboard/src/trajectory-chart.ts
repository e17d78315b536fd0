import type { DashboardMember } from './dashboard-query';

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 360;
const HEIGHT = 180;
const MARGIN = { top: 12, right: 12, bottom: 24, left: 48 };
/** The Charter: −95 % by 2050 against the baseline. */
const CHARTER_YEAR = 2050;
const CHARTER_REMAINING = 0.05;

export interface TrajectoryPoint {
  year: number;
  tco2e: number;
}

/** One total per year: the API lists several standards of a year in preference order, so the first one counts. */
export function trajectoryOf(member: DashboardMember): TrajectoryPoint[] {
  const points = new Map<number, number>();
  for (const inventory of member.inventories) {
    if (!points.has(inventory.year)) points.set(inventory.year, inventory.totalEmissionsTco2e);
  }
  return [...points].map(([year, tco2e]) => ({ year, tco2e })).sort((a, b) => a.year - b.year);
}

function element<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const tonnes = (value: number) => `${Math.round(value).toLocaleString('en')} t`;

/**
 * The member's emissions per year against the Charter path (straight from the baseline to 5 % of it in 2050), with
 * the path's value at the latest year as the API computed it. Every drawn figure is also in a data attribute.
 */
export function trajectoryChart(member: DashboardMember): SVGSVGElement {
  const points = trajectoryOf(member);
  const { baselineYear, baselineEmissionsTco2e, latestYear, charterPathTco2e } = member.progress;
  const chart = element('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: 'trajectory',
    role: 'img',
    'aria-label': `Emissions of ${member.name} against the Charter path`,
  });
  if (!points.length) {
    chart.append(element('text', { x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle' }, 'No inventories'));
    return chart;
  }

  const firstYear = Math.min(points[0].year, baselineYear ?? points[0].year);
  const top = Math.max(...points.map((point) => point.tco2e), baselineEmissionsTco2e ?? 0) * 1.1 || 1;
  const x = (year: number) =>
    MARGIN.left + ((year - firstYear) / (CHARTER_YEAR - firstYear)) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (tco2e: number) => HEIGHT - MARGIN.bottom - (tco2e / top) * (HEIGHT - MARGIN.top - MARGIN.bottom);

  chart.append(
    element('line', { class: 'axis', x1: MARGIN.left, y1: y(0), x2: WIDTH - MARGIN.right, y2: y(0) }),
    element('line', { class: 'axis', x1: MARGIN.left, y1: y(0), x2: MARGIN.left, y2: MARGIN.top }),
    element(
      'text',
      { class: 'tick', x: MARGIN.left - 4, y: y(top / 1.1) + 4, 'text-anchor': 'end' },
      tonnes(top / 1.1),
    ),
    element('text', { class: 'tick', x: MARGIN.left - 4, y: y(0), 'text-anchor': 'end' }, '0'),
    element('text', { class: 'tick', x: x(firstYear), y: HEIGHT - 6, 'text-anchor': 'start' }, String(firstYear)),
    element('text', { class: 'tick', x: x(CHARTER_YEAR), y: HEIGHT - 6, 'text-anchor': 'end' }, String(CHARTER_YEAR)),
  );

  if (baselineYear !== null && baselineEmissionsTco2e !== null) {
    const target = baselineEmissionsTco2e * CHARTER_REMAINING;
    chart.append(
      element('line', {
        class: 'charter-path',
        x1: x(baselineYear),
        y1: y(baselineEmissionsTco2e),
        x2: x(CHARTER_YEAR),
        y2: y(target),
        'data-baseline-year': baselineYear,
        'data-baseline-tco2e': baselineEmissionsTco2e,
        'data-target-tco2e': target,
      }),
    );
  }

  chart.append(
    element('polyline', {
      class: 'emissions',
      points: points.map((point) => `${x(point.year)},${y(point.tco2e)}`).join(' '),
    }),
  );
  for (const point of points) {
    const dot = element('circle', {
      class: 'inventory',
      cx: x(point.year),
      cy: y(point.tco2e),
      r: 3,
      'data-year': point.year,
      'data-tco2e': point.tco2e,
    });
    dot.append(element('title', {}, `${point.year}: ${tonnes(point.tco2e)}`));
    chart.append(dot);
  }

  if (latestYear !== null && charterPathTco2e !== null) {
    const mark = element('circle', {
      class: 'path-at-latest',
      cx: x(latestYear),
      cy: y(charterPathTco2e),
      r: 4,
      'data-year': latestYear,
      'data-tco2e': charterPathTco2e,
    });
    mark.append(element('title', {}, `Charter path ${latestYear}: ${tonnes(charterPathTco2e)}`));
    chart.append(mark);
  }
  return chart;
}
