/** Signs requests as Discord does: Ed25519 over the timestamp header followed by the raw body. */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface TestKey {
  /** 64 hex characters, as the developer portal shows the application's public key. */
  readonly publicKeyHex: string;
  readonly privateKey: KeyObject;
}

export function newKey(): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The SPKI DER of an Ed25519 key ends with the raw 32-byte key.
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { publicKeyHex: der.subarray(der.length - 32).toString('hex'), privateKey };
}

export function signature(key: TestKey, timestamp: string, body: string | Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.isBuffer(body) ? body : Buffer.from(body)]), key.privateKey).toString('hex');
}

/** Unix seconds, as Discord's X-Signature-Timestamp. */
export function unixSeconds(ms: number = Date.now()): string {
  return String(Math.floor(ms / 1000));
}
