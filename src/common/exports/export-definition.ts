import type { Transform } from 'node:stream';
import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context';
import type { ExportColumn } from './export-columns';
import type { ExportParameters, ParameterSpec } from './export-params';

/** One export: GET /export/<name> (and /export/<name>.<format>), its columns, parameters and rows. */
export interface ExportDefinition {
  name: string;
  /** Says what is refused in errors, e.g. "The emissions export". */
  action: string;
  columns: readonly ExportColumn[];
  parameters: ParameterSpec;
  /** Checks the parsed parameters against the database (known countries, year order); the export's field paths. */
  validate(ctx: RequestContext, parameters: ExportParameters): Promise<ExportParameters>;
  /** The rows, as one ordered query streamed from a cursor. */
  query(ctx: RequestContext, parameters: ExportParameters): Knex.QueryBuilder;
  /** A step between the cursor and the formatter (rows decided for the viewer, reads logged); none by default. */
  serve?(ctx: RequestContext): Transform;
}
