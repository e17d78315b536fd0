import { createHash } from 'node:crypto';

/** mulberry32: a small seeded PRNG, so every seed run writes the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable number from a string (FNV-1a), to seed per-item generators. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A stable UUID (version 5 layout) from a seed key, so seeded rows keep their ids across runs and machines. */
export function uuidFromKey(key: string): string {
  const hex = createHash('sha1').update(`climate-alliance:${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A UUID (version 8, "custom") from a prefix and a counter: ascending, so bulk-loaded primary keys append. */
export function sequentialUuid(prefix: number, counter: number): string {
  // below 16^12 the counter's 22 hex digits start with 10 zeros: only its last 12 vary (the records' ids, millions)
  if (counter < 0x1000000000000) {
    return `${prefix.toString(16).padStart(8, '0')}-0000-8000-8000-${counter.toString(16).padStart(12, '0')}`;
  }
  const hex = prefix.toString(16).padStart(8, '0') + counter.toString(16).padStart(22, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(12, 15)}-8${hex.slice(15, 18)}-${hex.slice(18, 30)}`;
}
