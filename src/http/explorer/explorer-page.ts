import { AUTHORIZATION_HEADERS, EXAMPLE_QUERIES } from './example-queries';

/** Where the explorer's files are served (scripts and styles of its own origin: the page's CSP allows nothing else). */
export const EXPLORER_PREFIX = '/explorer';

/**
 * The explorer page's content security policy: scripts, styles and requests of this origin only (so no inline script),
 * fonts and icons that GraphiQL's stylesheet embeds as data: URLs.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join(';');

/** The landing page of GET /graphql in development: GraphiQL from the server's own files. */
export const explorerHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Climate Alliance API explorer</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${EXPLORER_PREFIX}/graphiql.min.css" />
    <link rel="stylesheet" href="${EXPLORER_PREFIX}/explorer.css" />
    <script src="${EXPLORER_PREFIX}/react.production.min.js" defer></script>
    <script src="${EXPLORER_PREFIX}/react-dom.production.min.js" defer></script>
    <script src="${EXPLORER_PREFIX}/graphiql.min.js" defer></script>
    <script src="${EXPLORER_PREFIX}/explorer.js" defer></script>
  </head>
  <body>
    <div id="explorer">Loading the explorer…</div>
  </body>
</html>
`;

export const explorerCss = `html, body, #explorer { height: 100%; margin: 0; }
`;

/**
 * Starts GraphiQL with the README's examples as tabs and an Authorization header to fill in. The fetcher drops that
 * header while no key follows "Bearer", so the page works anonymously until the caller pastes a key.
 */
export const explorerScript = `'use strict';
const EXAMPLE_QUERIES = ${JSON.stringify(EXAMPLE_QUERIES)};
const AUTHORIZATION_HEADERS = ${JSON.stringify(AUTHORIZATION_HEADERS)};

async function fetcher(params, options) {
  const headers = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries((options && options.headers) || {})) {
    const blankKey = name.toLowerCase() === 'authorization' && !/^Bearer\\s+\\S/i.test(String(value));
    if (!blankKey) headers[name] = String(value);
  }
  // right after a tab switch GraphiQL may still send the previous tab's operation name: keep it only if the query has it
  const operation = params.operationName;
  const pattern = '\\\\b(query|mutation|subscription)\\\\s+' + operation + '\\\\b';
  const named = !operation || new RegExp(pattern).test(params.query);
  const body = named ? params : { ...params, operationName: undefined };
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(body) });
  return response.json();
}

ReactDOM.createRoot(document.getElementById('explorer')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: EXAMPLE_QUERIES.map((query) => ({ query, headers: AUTHORIZATION_HEADERS })),
    defaultHeaders: AUTHORIZATION_HEADERS,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
  }),
);
`;
