/** `npm run bench -- --only a,b --servers ours,floor --cpu-prof --scale N`, and the BENCH_* variables. */
import type { ServerName } from './servers';

export interface BenchOptions {
  only?: string[];
  servers: ServerName[];
  /** Profile our server (`node --cpu-prof`) and print its top self-time functions. */
  cpuProf: boolean;
  seconds: number;
  rounds: number;
  connections: number;
  warmupSeconds: number;
  /**
   * `--scale N`: time the network figures (bench/figure-scenarios.ts) one request at a time against N times the demo
   * data, instead of the throughput scenarios against the others.
   */
  scale?: number;
  /** Timed requests per figure with --scale. */
  figureRequests: number;
}

const SERVERS: ServerName[] = ['ours', 'postgraphile', 'floor'];

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

function list(args: string[], flag: string): string[] | undefined {
  const index = args.indexOf(flag);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith('--')) throw new Error(`${flag} needs a comma-separated list`);
  return value.split(',').map((item) => item.trim());
}

function scale(args: string[]): number | undefined {
  const index = args.indexOf('--scale');
  if (index === -1) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 100)
    throw new Error('--scale needs a whole number from 1 to 100');
  return value;
}

export function parseBenchOptions(args: string[], scenarioNames: string[], figureNames: string[]): BenchOptions {
  const known = new Set(['--only', '--servers', '--cpu-prof', '--scale']);
  const unknown = args.filter((arg, i) => arg.startsWith('--') && !known.has(arg) && !known.has(args[i - 1]));
  if (unknown.length) throw new Error(`unknown option ${unknown[0]}; options: --only, --servers, --cpu-prof, --scale`);
  const figures = scale(args);
  if (figures !== undefined) scenarioNames = figureNames;
  const only = list(args, '--only');
  const strange = only?.filter((name) => !scenarioNames.includes(name));
  if (strange?.length) throw new Error(`no scenario ${strange.join(', ')}; scenarios: ${scenarioNames.join(', ')}`);
  const servers = (list(args, '--servers') ?? SERVERS) as ServerName[];
  const badServer = servers.find((name) => !SERVERS.includes(name));
  if (badServer) throw new Error(`no server ${badServer}; servers: ${SERVERS.join(', ')}`);
  if (!servers.includes('ours')) throw new Error('--servers must include ours: the ratios are ours against the others');
  return {
    only,
    servers: SERVERS.filter((name) => servers.includes(name)),
    cpuProf: args.includes('--cpu-prof'),
    seconds: positiveNumber('BENCH_SECONDS', 5),
    rounds: Math.round(positiveNumber('BENCH_ROUNDS', 3)),
    connections: Math.round(positiveNumber('BENCH_CONNECTIONS', 10)),
    warmupSeconds: positiveNumber('BENCH_WARMUP_SECONDS', 2),
    scale: figures,
    figureRequests: Math.round(positiveNumber('BENCH_FIGURE_REQUESTS', 30)),
  };
}
