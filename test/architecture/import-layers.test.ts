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

  async function layerMessages(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot(), file) });
    return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
  }

  it.each([
    ['src/config/example.ts', "import { registerHealth } from '../http/health';", 'config may not import http'],
    ['src/db/example.ts', "import { entities } from '../modules';", 'db may not import modules'],
    ['src/db/example.ts', "import { seedDatabase } from '../../seeds/seed-database';", 'db may not import seeds'],
    [
      'src/modules/members/example.ts',
      "import { buildServer } from '../../http/server';",
      'modules may not import http',
    ],
    [
      'src/auth/example.ts',
      "import { ApiKey } from '../modules/api-keys/api-key.entity';",
      'auth may not import modules',
    ],
    ['seeds/example.ts', "import { buildServer } from '../src/http/server';", 'seeds may not import http'],
    ['src/http/example.ts', "import { main } from '../main';", 'http may not import main'],
    ['src/common/example.ts', "import { anonymousViewer } from '../auth/viewer';", 'common may not import auth'],
  ])('refuses %s: %s', async (file, code, reason) => {
    expect(await layerMessages(file, `${code}\nexport {};\n`)).toEqual([expect.stringContaining(reason)]);
  });

  it('names the layers in its message', async () => {
    const messages = await layerMessages('src/config/example.ts', "import { x } from '../http/cost';\nexport { x };\n");
    expect(messages).toEqual([expect.stringContaining('Layers (docs/architecture.md): config may not import http.')]);
  });

  it.each([
    ['src/http/example.ts', "import { DEFAULT_LIMITS } from '../config/limits';"],
    ['src/modules/members/example.ts', "import { requireAdmin } from '../../auth/authorize';"],
    ['src/modules/members/example.ts', "import { Country } from '../../modules/members/country.entity';"],
    ['src/schema/example.ts', "import { resolvers } from '../modules';"],
    ['src/main.ts', "import { seedDatabase } from '../seeds/seed-database';"],
    ['seeds/example.ts', "import { Member } from '../src/modules/members/member.entity';"],
    ['src/common/example.ts', "import type { Viewer } from '../auth/viewer';"],
  ])('lets %s import downwards: %s', async (file, code) => {
    expect(await layerMessages(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
