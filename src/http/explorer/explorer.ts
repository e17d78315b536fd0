import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { EXPLORER_PREFIX, explorerCss, explorerHtml, explorerScript } from './explorer-page';

interface Asset {
  body: string | Buffer;
  contentType: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** GraphiQL and React, prebuilt for the browser, read from node_modules (development dependencies). */
const PACKAGED_FILES: Record<string, [pkg: string, file: string, contentType: string]> = {
  'react.production.min.js': ['react', 'umd/react.production.min.js', JS],
  'react-dom.production.min.js': ['react-dom', 'umd/react-dom.production.min.js', JS],
  'graphiql.min.js': ['graphiql', 'graphiql.min.js', JS],
  'graphiql.min.css': ['graphiql', 'graphiql.min.css', CSS],
};

/** The explorer's files, or the name of the package that is missing (installed without development dependencies). */
function loadAssets(): Map<string, Asset> | { missing: string } {
  const assets = new Map<string, Asset>([
    ['explorer.js', { body: explorerScript, contentType: JS }],
    ['explorer.css', { body: explorerCss, contentType: CSS }],
  ]);
  for (const [name, [pkg, file, contentType]] of Object.entries(PACKAGED_FILES)) {
    let folder: string;
    try {
      // the packages export their package.json, not their browser bundles
      folder = path.dirname(require.resolve(`${pkg}/package.json`));
    } catch {
      return { missing: pkg };
    }
    assets.set(name, { body: readFileSync(path.join(folder, file)), contentType });
  }
  return assets;
}

/**
 * The development explorer: serves GraphiQL's files under /explorer/ and returns the landing-page plugin that puts the
 * explorer on GET /graphql; null (no landing page) when the packages are not installed.
 */
export function registerExplorer(app: FastifyInstance): ApolloServerPlugin | null {
  const assets = loadAssets();
  if (!(assets instanceof Map)) {
    app.log.warn(`the explorer is off: the package ${assets.missing} is not installed (npm install)`);
    return null;
  }
  app.get<{ Params: { name: string } }>(`${EXPLORER_PREFIX}/:name`, async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) return reply.callNotFound();
    return reply.type(asset.contentType).send(asset.body);
  });
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: explorerHtml };
        },
      };
    },
  };
}
