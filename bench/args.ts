/** `npm run bench -- --only a,b --servers ours,floor --cpu-prof`, and the BENCH_* variables. */
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

export function parseBenchOptions(args: string[], scenarioNames: string[]): BenchOptions {
  const known = new Set(['--only', '--servers', '--cpu-prof']);
  const unknown = args.filter((arg, i) => arg.startsWith('--') && !known.has(arg) && !known.has(args[i - 1]));
  if (unknown.length) throw new Error(`unknown option ${unknown[0]}; options: --only, --servers, --cpu-prof`);
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
  };
}
