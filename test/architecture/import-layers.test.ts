import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';

/** The layer rule of eslint.config.mjs (docs/architecture.md), run on sources that are never written to disk. */
describe('the import rule between layers', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: projectRoot() });
  });

  /** Lints `import { x } from '<specifier>'` (`import type` when the specifier starts with "type ") as `file`. */
  async function layerMessages(file: string, specifier: string): Promise<string[]> {
    const [kind, source] = specifier.startsWith('type ') ? ['import type', specifier.slice(5)] : ['import', specifier];
    const code = `${kind} { x } from '${source}';\nexport type { x };\n`;
    const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot(), file) });
    return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
  }

  it.each([
    ['src/config/example.ts', '../http/health', 'config may not import http'],
    ['src/db/example.ts', '../modules', 'db may not import modules'],
    ['src/db/example.ts', '../../seeds/seed-database', 'db may not import seeds'],
    ['src/modules/members/example.ts', '../../http/server', 'modules may not import http'],
    ['src/auth/example.ts', '../modules/api-keys/api-key.entity', 'auth may not import modules'],
    ['seeds/example.ts', '../src/http/server', 'seeds may not import http'],
    ['src/http/example.ts', '../main', 'http may not import main'],
    ['src/common/example.ts', '../auth/viewer', 'common may not import auth'],
  ])('refuses %s importing %s', async (file, specifier, reason) => {
    expect(await layerMessages(file, specifier)).toEqual([expect.stringContaining(reason)]);
  });

  it('names the layers in its message', async () => {
    const messages = await layerMessages('src/config/example.ts', '../http/cost');
    expect(messages).toEqual([expect.stringContaining('Layers (docs/architecture.md): config may not import http.')]);
  });

  it.each([
    ['src/http/example.ts', '../config/limits'],
    ['src/modules/members/example.ts', '../../auth/authorize'],
    ['src/modules/members/example.ts', '../../modules/members/country.entity'],
    ['src/schema/example.ts', '../modules'],
    ['src/main.ts', '../seeds/seed-database'],
    ['seeds/example.ts', '../src/modules/members/member.entity'],
    ['src/common/example.ts', 'type ../auth/viewer'],
  ])('lets %s import %s', async (file, specifier) => {
    expect(await layerMessages(file, specifier)).toEqual([]);
  });
});
