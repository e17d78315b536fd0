import { pipeline, type Readable } from 'node:stream';
import compress from '@fastify/compress';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { ApiError } from '../../common/errors';
import { LazyForkContext } from '../../common/lazy-fork';
import { declaredPurpose } from '../../modules/governance/declared-purpose';
import { replyWithApiError } from '../http-errors';
import type { ExportDefinition } from '../../common/exports/export-definition';
import { exportParameters, type ExportParameters } from '../../common/exports/export-params';
import { EMISSIONS_EXPORT, INVENTORIES_EXPORT } from '../../modules/emissions/emission.export';
import { MEMBERS_EXPORT } from '../../modules/members/member.export';
import { PROJECTS_EXPORT } from '../../modules/projects/project.export';
import { TIMBER_PROCUREMENTS_EXPORT } from '../../modules/timber/timber-procurement.export';
import { chooseFormat } from './export-format';
import { CONTENT_TYPES, EXPORT_FORMATS, type ExportFormat, rowFormatter } from './row-formats';

export const EXPORTS: readonly ExportDefinition[] = [
  EMISSIONS_EXPORT,
  INVENTORIES_EXPORT,
  MEMBERS_EXPORT,
  PROJECTS_EXPORT,
  TIMBER_PROCUREMENTS_EXPORT,
];

/** An export may run long (a slow client reads slowly); each holds one pooled connection while it runs. */
const EXPORT_STATEMENT_TIMEOUT_MS = 30 * 60_000;
const MAX_CONCURRENT_EXPORTS = 2;
const ROWS_PER_FETCH = 1_000;
/** Text and Arrow shrink several times under gzip; Parquet is compressed already (Snappy), so it goes as it is. */
const COMPRESSIBLE = /^(text\/csv|application\/x-ndjson|application\/vnd\.apache\.arrow\.stream|application\/json)/;

/**
 * GET /export/<name>.<format> and /export/<name>?format= (or Accept): every row of the export matching its query
 * parameters (see docs/exports.md), streamed from a database cursor so memory stays flat, gzip-compressed when the
 * client accepts it. ANALYST or ADMIN keys only (the viewer comes from the server's authentication hook). Our errors
 * are answered as `{ code, message, field }` with their HTTP status; anything else goes on to the server's handler.
 */
export async function registerExports(app: FastifyInstance, orm: MikroORM): Promise<void> {
  let running = 0;

  /** Rows streamed from a cursor in a transaction of their own (with a longer statement timeout). */
  async function openExport(
    ctx: RequestContext,
    definition: ExportDefinition,
    parameters: ExportParameters,
    format: ExportFormat,
  ): Promise<Readable> {
    // before the transaction opens: the first export of a format may load its library
    const formatter = await rowFormatter(format, definition.columns);
    running++;
    const knex = ctx.reads.getKnex();
    const transaction = await knex.transaction().catch((error: unknown) => {
      running--;
      throw error;
    });
    try {
      await transaction.raw(`set local statement_timeout = ${EXPORT_STATEMENT_TIMEOUT_MS}`);
      const rows = definition.query(ctx, parameters).transacting(transaction).stream({ batchSize: ROWS_PER_FETCH });
      const done = (error: NodeJS.ErrnoException | null) => {
        running--;
        if (error) ctx.log.warn({ err: error, export: definition.name }, 'export ended early');
        void (error ? transaction.rollback() : transaction.commit());
      };
      if (definition.serve) pipeline(rows, definition.serve(ctx), formatter, done);
      else pipeline(rows, formatter, done);
      return formatter;
    } catch (error) {
      running--;
      await transaction.rollback();
      throw error;
    }
  }

  async function serveExport(
    request: FastifyRequest,
    reply: FastifyReply,
    definition: ExportDefinition,
    extension?: ExportFormat,
  ) {
    const { viewer } = request;
    requireRole(viewer, definition.action, ViewerRole.ANALYST);
    const query = request.query as Record<string, string | string[] | undefined>;
    const format = chooseFormat(extension, query.format, request.headers.accept);
    const purpose = [request.headers['x-access-purpose']].flat()[0];
    declaredPurpose(purpose);
    const ctx: RequestContext = new LazyForkContext(orm.em, {
      requestId: request.id,
      viewer,
      log: request.log as Logger,
      accessPurpose: purpose,
      scope: request.requestScope ?? undefined,
    });
    const parameters = await definition.validate(ctx, exportParameters(query, definition.parameters));
    if (running >= MAX_CONCURRENT_EXPORTS) {
      throw new ApiError('RATE_LIMITED', `at most ${MAX_CONCURRENT_EXPORTS} exports run at once; retry shortly`, {
        http: { status: 429, headers: new Map([['retry-after', '10']]) },
      });
    }
    const body = await openExport(ctx, definition, parameters, format);
    return reply
      .type(CONTENT_TYPES[format])
      .header('vary', 'accept, accept-encoding')
      .header('content-disposition', `attachment; filename="${definition.name}.${format}"`)
      .send(body);
  }

  await app.register(async (scope) => {
    await scope.register(compress, { encodings: ['gzip'], customTypes: COMPRESSIBLE });
    scope.setErrorHandler((error, _request, reply) => {
      if (!(error instanceof ApiError)) throw error;
      const { code, field } = replyWithApiError(error, reply);
      return reply.type('application/json; charset=utf-8').send({ code, message: error.message, field });
    });
    for (const definition of EXPORTS) {
      scope.get(`/export/${definition.name}`, (request, reply) => serveExport(request, reply, definition));
      for (const format of EXPORT_FORMATS) {
        scope.get(`/export/${definition.name}.${format}`, (request, reply) =>
          serveExport(request, reply, definition, format),
        );
      }
    }
  });
}
