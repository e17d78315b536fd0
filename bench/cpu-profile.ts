/** The top self-time functions of a `node --cpu-prof` profile, to say where a server's CPU went. */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  hitCount?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
}

function where(url: string, line: number): string {
  const file = url.replace(/^file:\/\//, '');
  const inModules = file.lastIndexOf('node_modules/');
  const short = inModules >= 0 ? file.slice(inModules + 'node_modules/'.length) : path.relative(process.cwd(), file);
  return file ? `${short}:${line + 1}` : '';
}

/** The package a frame's file belongs to (`@scope/name`), "this project", "node" or the frame's own name. */
function owner(url: string, functionName: string): string {
  const file = url.replace(/^file:\/\//, '');
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (match) return match[1];
  if (file.startsWith('node:') || (!file && !functionName.startsWith('('))) return 'node';
  return file ? 'this project' : functionName;
}

function sharesBy(profileFile: string, key: (frame: ProfileNode['callFrame']) => string, top: number): string[] {
  const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8')) as CpuProfile;
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byKey = new Map<string, number>();
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count) byKey.set(key(node.callFrame), (byKey.get(key(node.callFrame)) ?? 0) + count);
  }
  const total = profile.samples.length || 1;
  return [...byKey.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, count]) => `${((100 * count) / total).toFixed(1).padStart(5)} %  ${name}`);
}

/** Lines "share %  function  file:line" for the `top` functions by samples taken in them. */
export function topSelfTime(profileFile: string, top = 20): string[] {
  return sharesBy(
    profileFile,
    ({ functionName, url, lineNumber }) => `${functionName || '(anonymous)'}  ${where(url, lineNumber)}`.trim(),
    top,
  );
}

/** Lines "share %  package" for the self time summed by the package the code belongs to. */
export function selfTimeByPackage(profileFile: string, top = 12): string[] {
  return sharesBy(profileFile, ({ functionName, url }) => owner(url, functionName), top);
}
