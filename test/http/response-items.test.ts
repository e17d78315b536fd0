import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/common/errors';
import { ResponseItems } from '../../src/http/response-items';

const tooMany = () => new ApiError('GRAPHQL_VALIDATION_FAILED', 'too many items');

describe('ResponseItems', () => {
  it('counts lists given at once, and stops once past the maximum', () => {
    const items = new ResponseItems(3, tooMany);
    items.add([1, 2]);
    items.add('not a list');
    expect(items.count).toBe(2);
    expect(items.stopped).toBeNull();
    items.add([3, 4]);
    expect(items.count).toBe(4);
    expect(items.stopped?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('counts a promised list when it settles, and a list of promises when all have', async () => {
    const items = new ResponseItems(100, tooMany);
    const promised = Promise.resolve([1, 2, 3]);
    const ofPromises = [Promise.resolve(1), Promise.resolve(2)];
    expect(items.add(promised)).toBe(promised);
    expect(items.add(ofPromises)).toBe(ofPromises);
    expect(items.count).toBe(0);
    await Promise.all([promised, ...ofPromises]);
    await Promise.resolve();
    expect(items.count).toBe(5);
  });

  it('counts nothing for a list that fails', async () => {
    const items = new ResponseItems(100, tooMany);
    const failing = Promise.reject(new Error('no database'));
    items.add(failing);
    items.add([Promise.resolve(1), Promise.reject(new Error('no database'))]);
    await expect(failing).rejects.toThrow('no database');
    await new Promise((resolve) => setImmediate(resolve));
    expect(items.count).toBe(0);
  });
});
