import { Client } from 'pg';
import { POOL_ACQUIRE_TIMEOUT_MS, STATEMENT_TIMEOUT_MS } from '../db/orm';
import { FIRST_INVENTORY_YEAR } from '../modules/emissions/inventory-submission.rules';

/** What the cost of a network figure follows in the data: its members, the years reported, its maintained rows. */
export interface NetworkSize {
  /** Members per country and category: `membersBy[country][category]`. */
  membersBy: Record<string, Record<string, number>>;
  firstYear: number;
  lastYear: number;
  /** Rows of each maintained figure table (both visibility variants together). */
  rows: Record<FigureTableName, number>;
}

export type FigureTableName =
  | 'network_year_total'
  | 'network_year_sector_total'
  | 'network_line_total'
  | 'network_line_mask_total'
  | 'member_year_total'
  | 'member_year_sector_total'
  | 'inventory_line_total';

const TABLES: FigureTableName[] = [
  'network_year_total',
  'network_year_sector_total',
  'network_line_total',
  'network_line_mask_total',
  'member_year_total',
  'member_year_sector_total',
  'inventory_line_total',
];

/** How long a size is used before it is read again: members and inventories change over days, not seconds. */
const MAX_AGE_MS = 60_000;

/** Before the database has answered once: nothing known, so every bound is the contract's widest. */
const UNKNOWN: NetworkSize = {
  membersBy: {},
  firstYear: FIRST_INVENTORY_YEAR,
  lastYear: new Date().getUTCFullYear(),
  rows: Object.fromEntries(TABLES.map((table) => [table, 0])) as NetworkSize['rows'],
};

/** One statement: members per country and category, the years the network totals cover, the figure tables' rows. */
const SIZE_SQL = `
  select
    (select coalesce(json_agg(json_build_array(country_code, category, members)), '[]')
      from (select country_code, category, count(*) as members from member group by country_code, category) m)
      as members,
    (select min(year) from network_year_total) as first_year,
    (select max(year) from network_year_total) as last_year,
    (select json_object_agg(relname, reltuples) from pg_class
      where relkind = 'r' and relnamespace = current_schema()::regnamespace and relname = any($1)) as estimates`;

async function readSize(connectionString: string): Promise<NetworkSize> {
  // a connection of its own, opened once a minute: never one a request waits for, and no statement of a request's
  const client = new Client({
    connectionString,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    connectionTimeoutMillis: POOL_ACQUIRE_TIMEOUT_MS,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{
      members: [string, string, number][];
      first_year: number | null;
      last_year: number | null;
      estimates: Record<string, number> | null;
    }>(SIZE_SQL, [TABLES]);
    const [row] = rows;
    const membersBy: NetworkSize['membersBy'] = {};
    for (const [country, category, members] of row.members) (membersBy[country] ??= {})[category] = Number(members);
    const tableRows = { ...UNKNOWN.rows };
    for (const table of TABLES) {
      const estimate = row.estimates?.[table] ?? -1;
      // a table never analysed (a new database's) has no estimate: count it
      tableRows[table] =
        estimate >= 0
          ? estimate
          : Number((await client.query<{ count: string }>(`select count(*) as count from ${table}`)).rows[0].count);
    }
    return {
      membersBy,
      firstYear: row.first_year ?? UNKNOWN.firstYear,
      lastYear: row.last_year ?? UNKNOWN.lastYear,
      rows: tableRows,
    };
  } finally {
    await client.end();
  }
}

/**
 * The network's size as last read: read when the server starts, then again in the background once it is a minute
 * old, so no request waits for it.
 */
export class NetworkSizeSource {
  private size = UNKNOWN;
  private readAt = -Infinity;
  private reading: Promise<void> | undefined;

  constructor(private readonly connectionString: string) {}

  /** Reads the size now (at start); when the database cannot answer, the last size read stays. */
  async read(): Promise<void> {
    this.reading ??= readSize(this.connectionString)
      .then((size) => {
        this.size = size;
      })
      // the request goes on with the last size; the database trouble shows where requests read
      .catch(() => undefined)
      .finally(() => {
        this.readAt = performance.now();
        this.reading = undefined;
      });
    await this.reading;
  }

  /** The size last read, a new read started when it is stale. */
  current(): NetworkSize {
    if (performance.now() - this.readAt > MAX_AGE_MS) void this.read();
    return this.size;
  }
}
