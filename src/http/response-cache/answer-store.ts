import type { RestrictedRead } from '../../modules/governance/access-log.service';
import type { CacheScope } from './cache-scope';

/** A successful query answer as stored: enough to answer the same request again without running it. */
export interface StoredAnswer {
  /** The answer's `data`, as JSON text. */
  data: string;
  /** A strong validator of `data`: the same data, the same tag. */
  etag: string;
  scope: CacheScope;
  /** The operation's cost when it ran: what an answer not served from the cache costs. */
  cost: number;
  /** The restricted reads the answer holds: logged again for every caller it is served to. */
  restrictedReads: RestrictedRead[];
}

export interface Lookup {
  /** The store's generation when looked up: an answer computed now is stored under it. Null: the store is away. */
  generation: string | null;
  answer?: StoredAnswer;
}

/**
 * Stored answers by key, under a generation that every committed write moves on: an answer stored under an older
 * generation is never served again, so no answer outlives a write that could have changed it.
 */
export interface AnswerStore {
  lookup(key: string): Promise<Lookup>;
  store(generation: string, key: string, answer: StoredAnswer): Promise<void>;
  /** Moves the generation on (after a committed write). */
  invalidate(): Promise<void>;
  close(): Promise<void>;
}

/** An AnswerStore in this process: the least recently used answers go first once `maxEntries` are held. */
export class MemoryAnswerStore implements AnswerStore {
  private generation = 0;
  private readonly answers = new Map<string, StoredAnswer>();

  constructor(private readonly maxEntries: number) {}

  async lookup(key: string): Promise<Lookup> {
    const answer = this.answers.get(key);
    if (answer) {
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return { generation: String(this.generation), answer };
  }

  async store(generation: string, key: string, answer: StoredAnswer): Promise<void> {
    if (generation !== String(this.generation)) return;
    this.answers.delete(key);
    this.answers.set(key, answer);
    if (this.answers.size > this.maxEntries) this.answers.delete(this.answers.keys().next().value!);
  }

  async invalidate(): Promise<void> {
    this.generation++;
    this.answers.clear();
  }

  async close(): Promise<void> {
    this.answers.clear();
  }
}
