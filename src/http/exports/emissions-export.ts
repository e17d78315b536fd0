import { pipeline, type Readable } from 'node:stream';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { Viewer } from '../../auth/viewer';
import type { RequestContext } from '../../common/context';
import { ApiError } from '../../common/errors';
import { LoaderRegistry } from '../../common/loaders';
import { replyWithApiError } from '../http-errors';
import { emissionExportQuery } from '../../modules/emissions/emission-export';
import { type EmissionTotalsFilter, validEmissionFilter } from '../../modules/emissions/emission-filter';
import { exportFilter } from './export-params';
import { CONTENT_TYPES, type ExportFormat, rowFormatter } from './row-formats';

/** An export may run long (a slow client reads slowly); each holds one pooled connection while it runs. */
const EXPORT_STATEMENT_TIMEOUT_MS = 30 * 60_000;
const MAX_CONCURRENT_EXPORTS = 2;
const ROWS_PER_FETCH = 1_000;

/**
 * GET /export/emissions.csv and /export/emissions.ndjson: every record matching the emissionTotals filters
 * (as query parameters, see docs/exports.md), streamed from a database cursor so memory stays flat.
 * ANALYST or ADMIN keys only (the viewer comes from the server's authentication hook). Our errors are answered as
 * `{ code, message, field }` with their HTTP status; anything else goes on to the server's error handler.
 */
export async function registerExports(app: FastifyInstance, orm: MikroORM): Promise<void> {
  let running = 0;

  /** Rows streamed from a cursor in a transaction of their own (with a longer statement timeout). */
  async function openExport(
    em: EntityManager,
    viewer: Viewer,
    filter: EmissionTotalsFilter,
    format: ExportFormat,
    log: Logger,
  ): Promise<Readable> {
    running++;
    const transaction = await em
      .getKnex()
      .transaction()
      .catch((error: unknown) => {
        running--;
        throw error;
      });
    try {
      await transaction.raw(`set local statement_timeout = ${EXPORT_STATEMENT_TIMEOUT_MS}`);
      const rows = emissionExportQuery(em.getKnex(), viewer, filter)
        .transacting(transaction)
        .stream({ batchSize: ROWS_PER_FETCH });
      return pipeline(rows, rowFormatter(format), (error) => {
        running--;
        if (error) log.warn({ err: error }, 'emissions export ended early');
        void (error ? transaction.rollback() : transaction.commit());
      });
    } catch (error) {
      running--;
      await transaction.rollback();
      throw error;
    }
  }

  async function exportEmissions(request: FastifyRequest, reply: FastifyReply, format: ExportFormat) {
    const { viewer } = request;
    requireRole(viewer, 'The emissions export', ViewerRole.ANALYST);
    const em = orm.em.fork();
    const ctx: RequestContext = {
      requestId: request.id,
      viewer,
      em,
      loaders: new LoaderRegistry(),
      log: request.log as Logger,
    };
    const filter = await validEmissionFilter(ctx, exportFilter(request.query as Record<string, string>), '');
    if (running >= MAX_CONCURRENT_EXPORTS) {
      throw new ApiError('RATE_LIMITED', `at most ${MAX_CONCURRENT_EXPORTS} exports run at once; retry shortly`, {
        http: { status: 429, headers: new Map([['retry-after', '10']]) },
      });
    }
    const body = await openExport(em, viewer, filter, format, request.log as Logger);
    return reply
      .type(CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="emissions.${format}"`)
      .send(body);
  }

  await app.register(async (scope) => {
    scope.setErrorHandler((error, _request, reply) => {
      if (!(error instanceof ApiError)) throw error;
      const { code, field } = replyWithApiError(error, reply);
      return reply.type('application/json; charset=utf-8').send({ code, message: error.message, field });
    });
    scope.get('/export/emissions.csv', (request, reply) => exportEmissions(request, reply, 'csv'));
    scope.get('/export/emissions.ndjson', (request, reply) => exportEmissions(request, reply, 'ndjson'));
  });
}
