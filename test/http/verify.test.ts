import { describe, expect, it } from 'vitest';
import { publicKeyFromHex, verifyRequest } from '../../src/http/verify.js';
import { newKey, signature } from './signing.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const now = () => NOW;
const T = String(NOW / 1000);

describe('verifyRequest', () => {
  const key = newKey();
  const publicKey = publicKeyFromHex(key.publicKeyHex);
  const body = Buffer.from('{"type":1}');

  it('accepts a request Discord signed, within 5 minutes either way', () => {
    expect(verifyRequest(publicKey, { signature: signature(key, T, body), timestamp: T, body }, now)).toEqual({ ok: true });
    for (const t of [String(NOW / 1000 - 300), String(NOW / 1000 + 300)]) {
      expect(verifyRequest(publicKey, { signature: signature(key, t, body), timestamp: t, body }, now)).toEqual({ ok: true });
    }
    // The key as the portal shows it, in capitals, is the same key.
    expect(verifyRequest(publicKeyFromHex(key.publicKeyHex.toUpperCase()), { signature: signature(key, T, body), timestamp: T, body }, now).ok).toBe(true);
  });

  it('refuses, with a reason, what Discord did not sign or signed too long ago', () => {
    const other = newKey();
    const stale = String(NOW / 1000 - 301);
    const future = String(NOW / 1000 + 301);
    const cases: [Parameters<typeof verifyRequest>[1], string][] = [
      [{ signature: undefined, timestamp: T, body }, 'missing X-Signature-Ed25519'],
      [{ signature: signature(key, T, body), timestamp: undefined, body }, 'missing X-Signature-Timestamp'],
      [{ signature: 'abc', timestamp: T, body }, 'malformed X-Signature-Ed25519 (not 128 hex characters)'],
      [{ signature: signature(key, T, body), timestamp: 'yesterday', body }, 'malformed X-Signature-Timestamp (not Unix seconds)'],
      [{ signature: signature(key, stale, body), timestamp: stale, body }, 'stale timestamp (older than 5 minutes)'],
      [{ signature: signature(key, future, body), timestamp: future, body }, 'timestamp more than 5 minutes in the future'],
      [{ signature: signature(other, T, body), timestamp: T, body }, 'signature does not match'],
      [{ signature: signature(key, T, body), timestamp: T, body: Buffer.from('{"type":2}') }, 'signature does not match'],
      [{ signature: signature(key, T, body), timestamp: String(NOW / 1000 - 1), body }, 'signature does not match'],
      [{ signature: '0'.repeat(128), timestamp: T, body }, 'signature does not match'],
    ];
    for (const [request, reason] of cases) expect(verifyRequest(publicKey, request, now)).toEqual({ ok: false, reason });
  });

  it('takes only a 64-hex-character key', () => {
    expect(() => publicKeyFromHex('abcd')).toThrow('an Ed25519 public key is 64 hexadecimal characters');
  });
});
