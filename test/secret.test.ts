import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from '../src/secret.js';

describe('Secret', () => {
  it('gives its value only to reveal()', () => {
    const secret = new Secret('sk-hidden');
    expect(secret.reveal()).toBe('sk-hidden');
    expect(String(secret)).toBe('[redacted]');
    expect(`${secret}`).toBe('[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect({ secret }, { showHidden: true, depth: 5 })).toBe('{ secret: Secret([redacted]) }');
    expect(Object.keys(secret)).toEqual([]);
  });
});
