import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { encodeEmissionBatch, type EmissionBatch, type EmissionFormats, type EncodedBatch } from './emission-batches';

/** The compiled worker (dist/seeds); run from the TypeScript sources (the tests), the batches are encoded here. */
const WORKER_FILE = join(__dirname, 'emission-batches.worker.js');

/**
 * Worker threads: two at least (on 2 cores they share them with the server's backend, which takes the rows as fast
 * as two of them make them), at most 4 (the one backend of the transaction then takes the rows as fast as it can).
 */
const WORKERS = Math.max(2, Math.min(availableParallelism() - 1, 4));

/** Batches encoded ahead of the one being written, per worker: enough to keep it busy, few enough to bound memory. */
const AHEAD_PER_WORKER = 2;

/** A batch's chunks, as buffers again (a transferred Buffer arrives as a plain Uint8Array). */
function asBuffers(encoded: EncodedBatch): EncodedBatch {
  const buffers = (chunks: Uint8Array[]) =>
    chunks.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  return {
    records: buffers(encoded.records),
    inventories: buffers(encoded.inventories),
    targets: buffers(encoded.targets),
  };
}

/**
 * The batches' COPY data, in the batches' order, generated and encoded by worker threads (generating and encoding the records is most of the emissions step's CPU time: x10, 14-18 s against the server's
 * 6.5 s for taking them), so the one connection of the seed's transaction writes while the next batches are made.
 * Each batch's record ids count on from the records before it, so the rows are those of one generator.
 */
export async function* encodedBatches(
  formats: EmissionFormats,
  batches: EmissionBatch[],
  now: Date,
): AsyncGenerator<EncodedBatch> {
  if (!existsSync(WORKER_FILE)) {
    for (const batch of batches) yield encodeEmissionBatch(formats, batch, now);
    return;
  }
  const workers = Array.from(
    { length: Math.min(WORKERS, batches.length) },
    () => new Worker(WORKER_FILE, { workerData: { formats, now: now.getTime() } }),
  );
  const pending = new Map<number, { resolve: (batch: EncodedBatch) => void; reject: (error: unknown) => void }>();
  const results = new Map<number, Promise<EncodedBatch>>();
  for (const worker of workers) {
    worker.on('message', ({ index, encoded }: { index: number; encoded: EncodedBatch }) => {
      pending.get(index)?.resolve(asBuffers(encoded));
      pending.delete(index);
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  }
  let sent = 0;
  const send = () => {
    const index = sent++;
    const result = new Promise<EncodedBatch>((resolve, reject) => pending.set(index, { resolve, reject }));
    // a batch that fails while an earlier one is written is reported when its turn comes
    result.catch(() => undefined);
    results.set(index, result);
    workers[index % workers.length].postMessage({ index, batch: batches[index] });
  };
  try {
    for (let index = 0; index < batches.length; index++) {
      while (sent < batches.length && sent < index + workers.length * AHEAD_PER_WORKER) send();
      const encoded = await results.get(index)!;
      results.delete(index);
      yield encoded;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
