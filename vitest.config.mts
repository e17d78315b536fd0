import { defineConfig } from 'vitest/config';

export default defineConfig({
  // one graphql instance for type-graphql, Apollo and the tests ("another module or realm" otherwise)
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
