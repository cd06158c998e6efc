import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/embeddings/lru.js';

describe('Lru', () => {
  it('keeps the entries used last, a read counting as a use', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
    lru.set('a', 10);
    lru.set('d', 4);
    expect([lru.get('a'), lru.get('c'), lru.get('d')]).toEqual([10, undefined, 4]);
    lru.clear();
    expect(lru.size).toBe(0);
  });

  it('keeps nothing at capacity 0, and refuses a capacity that is not a whole number from 0', () => {
    const none = new Lru<string, number>(0);
    none.set('a', 1);
    expect(none.get('a')).toBeUndefined();
    expect(() => new Lru(-1)).toThrow(new Error('Quelle: a cache capacity must be a whole number from 0, got -1'));
    expect(() => new Lru(2.5)).toThrow(new Error('Quelle: a cache capacity must be a whole number from 0, got 2.5'));
  });
});
