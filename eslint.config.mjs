import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of docs/architecture.md, lowest first: each may import the ones below it, never one above. A layer is named
 * by its folder, so a relative import is matched on the folder it names (`../../http/cost`, `../src/http/cost`).
 */
const LAYERS = {
  config: ['src/config/**'],
  common: ['src/common/**'],
  db: ['src/db/**'],
  auth: ['src/auth/**'],
  modules: ['src/modules/**'],
  seeds: ['seeds/**'],
  schema: ['src/schema/**'],
  http: ['src/http/**'],
};
/** What each layer may not import (the entry points src/main.ts and src/cli.ts may import every layer). */
const FORBIDDEN = {
  config: ['common', 'db', 'auth', 'modules', 'seeds', 'schema', 'http', 'main'],
  common: ['db', 'auth', 'modules', 'seeds', 'schema', 'http', 'main'],
  db: ['auth', 'modules', 'seeds', 'schema', 'http', 'main'],
  auth: ['db', 'modules', 'seeds', 'schema', 'http', 'main'],
  modules: ['seeds', 'schema', 'http', 'main'],
  seeds: ['schema', 'http', 'main'],
  schema: ['seeds', 'http', 'main'],
  http: ['seeds', 'main'],
};
const ENTRY_POINTS = '(?:main|cli|parent-watch)';

function folderPattern(layer) {
  const folder = layer === 'main' ? `${ENTRY_POINTS}$` : `${layer}(?:/|$)`;
  return `^\\.{1,2}/(?:[^'"]*/)?${folder}`;
}

function layerRule(from) {
  const patterns = FORBIDDEN[from].map((to) => ({
    regex: folderPattern(to),
    message: `Layers (docs/architecture.md): ${from} may not import ${to}.`,
    // the request context every layer passes on carries the viewer: common may name its type, nothing else of auth
    ...(from === 'common' && to === 'auth' && { allowTypeImports: true }),
  }));
  return { files: LAYERS[from], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', 'src/db/migrations/Migration*.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // type-graphql and MikroORM take classes as values: `Function` is their own type for them
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  ...Object.keys(LAYERS).map(layerRule),
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
