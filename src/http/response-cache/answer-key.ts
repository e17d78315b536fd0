import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../../auth/viewer';

/** The GraphQL request as sent, read without parsing the document: enough to tell whether an answer is stored. */
interface SentOperation {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** A JSON text of a GET parameter; undefined when absent, null when it is not JSON (the request is not ours to key). */
function jsonParameter(raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

function sentOperation(request: FastifyRequest): SentOperation | null {
  if (request.method === 'POST') {
    const body = request.body;
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as SentOperation) : null;
  }
  if (request.method !== 'GET') return null;
  const query = request.query as Record<string, unknown>;
  const variables = jsonParameter(query.variables);
  const extensions = jsonParameter(query.extensions);
  if (variables === null || extensions === null) return null;
  return { query: query.query, operationName: query.operationName, variables, extensions };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The persisted-query hash of Apollo's APQ protocol, if the request carries one. */
function persistedHash(extensions: unknown): string | undefined {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

/**
 * The document's id: the SHA-256 of its text, which is what APQ sends as its hash, so a query sent in full and the
 * same query sent by hash share their answers. A hash that does not match the text sent with it is Apollo's to refuse.
 */
function documentId(operation: SentOperation): string | null {
  const hash = persistedHash(operation.extensions);
  if (typeof operation.query === 'string') {
    const id = sha256(operation.query);
    return hash === undefined || hash === id ? id : null;
  }
  return hash ?? null;
}

/** What a viewer may see depends on its role and scope only; the key itself (its id, its name) shapes no answer. */
export function visibilityClass(viewer: Viewer): string {
  return `${viewer.role}:${viewer.memberId ?? ''}:${viewer.organisationId ?? ''}`;
}

let today = '';
let todayEndsAt = 0;

/** The UTC date: consent periods and timber commitment terms end at a date, so an answer is good for its day only. */
function utcDate(now = Date.now()): string {
  if (now >= todayEndsAt) {
    today = new Date(now).toISOString().slice(0, 10);
    todayEndsAt = Date.parse(`${today}T00:00:00.000Z`) + 86_400_000;
  }
  return today;
}

/**
 * The key an answer is stored under: the document, the operation, the variables, the viewer's visibility class and
 * the day. Null when the request cannot be keyed (a batch, no document, variables that are not JSON): it then goes
 * through GraphQL like any other, which answers it or says what is wrong.
 */
export function answerKey(request: FastifyRequest): string | null {
  const operation = sentOperation(request);
  if (!operation) return null;
  const document = documentId(operation);
  if (!document) return null;
  const name = typeof operation.operationName === 'string' ? operation.operationName : '';
  const variables = JSON.stringify(operation.variables ?? {});
  return sha256(`${document}\n${name}\n${variables}\n${visibilityClass(request.viewer)}\n${utcDate()}`);
}
