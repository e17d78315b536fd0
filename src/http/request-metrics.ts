import { Counter, Histogram, type Registry } from 'prom-client';

/** The latency buckets of http_request_duration_seconds, in seconds. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The requests of one method and route: their latencies, and their count by status code. */
interface RouteSeries {
  labels: { method: string; route: string };
  count: number;
  sum: number;
  /** Per bucket, not cumulated (as prom-client keeps them): the observations above the last are in `count` only. */
  buckets: number[];
  byStatus: Map<number, StatusCount>;
}

interface StatusCount {
  labels: { method: string; route: string; status_code: string };
  count: number;
}

/** What prom-client keeps of one series of a histogram (`Histogram#hashMap`'s values), rebuilt at each scrape. */
interface HistogramSeries {
  labels: Record<string, string>;
  bucketValues: Record<number, number>;
  sum: number;
  count: number;
}

/**
 * http_requests_total (by method, route, status_code) and http_request_duration_seconds (by method and route),
 * counted per request in plain numbers (a map lookup and a few additions) and handed to prom-client when it is
 * scraped: prom-client's own inc/observe validates and hashes the labels of every observation, the largest part of
 * what metrics cost a request. The figures scraped are those prom-client would have counted.
 */
export class RequestMetrics {
  /** route → method → series */
  private readonly series = new Map<string, Map<string, RouteSeries>>();
  /** Both in the order they were first counted, the order prom-client scrapes them in. */
  private readonly routeSeries: RouteSeries[] = [];
  private readonly statusCounts: StatusCount[] = [];

  constructor(registry: Registry) {
    const { routeSeries, statusCounts } = this;
    new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route and status code.',
      labelNames: ['method', 'route', 'status_code'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const { labels, count } of statusCounts) this.inc({ ...labels }, count);
      },
    });
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by method and route.',
      labelNames: ['method', 'route'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
      collect() {
        const kept: Record<string, HistogramSeries> = {};
        for (const { labels, count, sum, buckets } of routeSeries) {
          const bucketValues: Record<number, number> = {};
          LATENCY_BUCKETS.forEach((bound, index) => (bucketValues[bound] = buckets[index]));
          kept[`${labels.method}\n${labels.route}`] = { labels: { ...labels }, bucketValues, sum, count };
        }
        (this as unknown as { hashMap: Record<string, HistogramSeries> }).hashMap = kept;
      },
    });
  }

  record(method: string, route: string, statusCode: number, seconds: number): void {
    let byMethod = this.series.get(route);
    if (!byMethod) this.series.set(route, (byMethod = new Map()));
    let series = byMethod.get(method);
    if (!series) {
      series = {
        labels: { method, route },
        count: 0,
        sum: 0,
        buckets: LATENCY_BUCKETS.map(() => 0),
        byStatus: new Map(),
      };
      byMethod.set(method, series);
      this.routeSeries.push(series);
    }
    series.count++;
    series.sum += seconds;
    for (let index = 0; index < LATENCY_BUCKETS.length; index++) {
      if (seconds <= LATENCY_BUCKETS[index]) {
        series.buckets[index]++;
        break;
      }
    }
    let status = series.byStatus.get(statusCode);
    if (!status) {
      status = { labels: { method, route, status_code: String(statusCode) }, count: 0 };
      series.byStatus.set(statusCode, status);
      this.statusCounts.push(status);
    }
    status.count++;
  }
}
