/**
 * A worker thread of the emissions seeder (emission-workers.ts): encodes the batches of members it is sent and sends
 * their COPY data back, the buffers transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeEmissionBatch, type EmissionBatch, type EmissionFormats } from './emission-batches';

const { formats, now } = workerData as { formats: EmissionFormats; now: number };

parentPort!.on('message', ({ index, batch }: { index: number; batch: EmissionBatch }) => {
  const encoded = encodeEmissionBatch(formats, batch, new Date(now));
  const buffers = new Set(
    [...encoded.records, ...encoded.inventories, ...encoded.targets].map((chunk) => chunk.buffer as ArrayBuffer),
  );
  parentPort!.postMessage({ index, encoded }, [...buffers]);
});
