import { pipeline, type Readable } from 'node:stream';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { authenticate } from '../../auth/authenticate';
import { requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { Viewer } from '../../auth/viewer';
import type { RequestContext } from '../../common/context';
import { ApiError } from '../../common/errors';
import { LoaderRegistry } from '../../common/loaders';
import type { Config } from '../../config';
import { emissionExportQuery } from '../../modules/emissions/emission-export';
import { type EmissionTotalsFilter, validEmissionFilter } from '../../modules/emissions/emission-filter';
import { exportFilter } from './export-params';
import { CONTENT_TYPES, type ExportFormat, rowFormatter } from './row-formats';

/** An export may run long (a slow client reads slowly); each holds one pooled connection while it runs. */
const EXPORT_STATEMENT_TIMEOUT_MS = 30 * 60_000;
const MAX_CONCURRENT_EXPORTS = 2;
const ROWS_PER_FETCH = 1_000;

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
};

/**
 * GET /export/emissions.csv and /export/emissions.ndjson: every record matching the emissionTotals filters
 * (as query parameters, see docs/exports.md), streamed from a database cursor so memory stays flat.
 * ANALYST or ADMIN keys only.
 */
export function registerExports(app: FastifyInstance, orm: MikroORM, config: Config): void {
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
    const em = orm.em.fork();
    try {
      const viewer = await authenticate(request.headers.authorization, em, config.adminApiKey);
      requireRole(viewer, 'The emissions export', ViewerRole.ANALYST);
      const ctx: RequestContext = {
        requestId: request.id,
        viewer,
        em,
        loaders: new LoaderRegistry(),
        log: request.log as Logger,
      };
      const filter = await validEmissionFilter(ctx, exportFilter(request.query as Record<string, string>), '');
      if (running >= MAX_CONCURRENT_EXPORTS) {
        throw new ApiError('RATE_LIMITED', `at most ${MAX_CONCURRENT_EXPORTS} exports run at once; retry shortly`);
      }
      const body = await openExport(em, viewer, filter, format, request.log as Logger);
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="emissions.${format}"`)
        .send(body);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const code = String(error.extensions.code);
      if (code === 'RATE_LIMITED') reply.header('retry-after', '10');
      return reply.code(HTTP_STATUS[code] ?? 500).send({ code, message: error.message, field: error.extensions.field });
    }
  }

  app.get('/export/emissions.csv', (request, reply) => exportEmissions(request, reply, 'csv'));
  app.get('/export/emissions.ndjson', (request, reply) => exportEmissions(request, reply, 'ndjson'));
}
