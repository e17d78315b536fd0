import { DatabaseProbe } from './database-probe';

/** How often each replica is checked, for routing reads: a replica that stopped answering gets none after about this. */
export const REPLICA_CHECK_INTERVAL_MS = 2_000;

/** One read replica as the last check found it. */
export interface ReplicaState {
  /** `replica-1`, `replica-2`, …: its position in DATABASE_REPLICA_URLS (the URL itself may hold a password). */
  name: string;
  status: 'up' | 'down';
  /**
   * For a streaming standby: how many seconds its replay trails the primary's last transaction (0 once it has replayed
   * all it received). Null for a server that is not a standby (e.g. a logical subscriber), or a replica that is down.
   */
  lagSeconds: number | null;
}

const LAG_SQL = `select case
    when not pg_is_in_recovery() then null
    when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
    else extract(epoch from now() - pg_last_xact_replay_timestamp())
  end::float8 as lag_seconds`;

/** The name a replica goes by in readiness answers and logs. */
function replicaName(index: number): string {
  return `replica-${index + 1}`;
}

/**
 * Checks the read replicas (each on a connection of its own) now and every REPLICA_CHECK_INTERVAL_MS; reads go only to
 * replicas whose last check answered. `changed` hears each replica going down or coming back.
 */
export class ReplicaHealth {
  private readonly probes: DatabaseProbe<{ lag_seconds: number | null }>[];
  private states: ReplicaState[];
  private running?: Promise<ReplicaState[]>;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    urls: string[],
    private readonly changed: (state: ReplicaState, error?: unknown) => void = () => undefined,
  ) {
    this.probes = urls.map((url) => new DatabaseProbe(url, LAG_SQL));
    // until the first check, every replica is taken to answer
    this.states = urls.map((_, index) => ({ name: replicaName(index), status: 'up', lagSeconds: null }));
  }

  /** Checks every replica now (checks asked meanwhile share the answer), which routes reads from then on. */
  check(): Promise<ReplicaState[]> {
    this.running ??= this.checkAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async checkAll(): Promise<ReplicaState[]> {
    this.states = await Promise.all(
      this.probes.map(async (probe, index): Promise<ReplicaState> => {
        const name = replicaName(index);
        const before = this.states[index].status;
        try {
          const row = await probe.check();
          if (before === 'down') this.changed({ name, status: 'up', lagSeconds: null });
          return { name, status: 'up', lagSeconds: row?.lag_seconds ?? null };
        } catch (error) {
          const state: ReplicaState = { name, status: 'down', lagSeconds: null };
          if (before === 'up') this.changed(state, error);
          return state;
        }
      }),
    );
    return this.states;
  }

  /** Whether replica `index` answered its last check. */
  isUp(index: number): boolean {
    return this.states[index]?.status === 'up';
  }

  /** Checks again and again until closed; the timer never keeps the process alive. */
  start(intervalMs = REPLICA_CHECK_INTERVAL_MS): void {
    const next = () => {
      if (this.closed) return;
      this.timer = setTimeout(() => void this.check().finally(next), intervalMs);
      this.timer.unref();
    };
    next();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.all(this.probes.map((probe) => probe.close()));
  }
}
