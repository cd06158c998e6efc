/**
 * Discord's request signature for HTTP interactions: Ed25519 over the timestamp header followed
 * by the raw body, checked with node:crypto alone before anything of the body is parsed.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** The DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** How far a request's timestamp may lie from this machine's clock, either way. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

const HEX_KEY = /^[0-9a-f]{64}$/iu;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/iu;
/** Discord's timestamp: Unix seconds. */
const TIMESTAMP = /^\d{1,15}$/u;

/** The application's public key (64 hex characters, as the developer portal shows it) as a KeyObject. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!HEX_KEY.test(hex)) throw new Error('an Ed25519 public key is 64 hexadecimal characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export interface SignedRequest {
  /** The `X-Signature-Ed25519` header, undefined when missing. */
  readonly signature: string | undefined;
  /** The `X-Signature-Timestamp` header, undefined when missing. */
  readonly timestamp: string | undefined;
  /** The body exactly as received. */
  readonly body: Buffer;
}

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Whether Discord signed this request, recently. `now` gives milliseconds since the epoch
 * (injectable for tests). The reason on failure is for the log; it never contains the body.
 */
export function verifyRequest(key: KeyObject, request: SignedRequest, now: () => number = Date.now): Verdict {
  const { signature, timestamp, body } = request;
  if (signature === undefined || signature === '') return refuse('missing X-Signature-Ed25519');
  if (timestamp === undefined || timestamp === '') return refuse('missing X-Signature-Timestamp');
  if (!HEX_SIGNATURE.test(signature)) return refuse('malformed X-Signature-Ed25519 (not 128 hex characters)');
  if (!TIMESTAMP.test(timestamp)) return refuse('malformed X-Signature-Timestamp (not Unix seconds)');
  const skew = Number(timestamp) - now() / 1000;
  if (skew < -MAX_CLOCK_SKEW_SECONDS) return refuse('stale timestamp (older than 5 minutes)');
  if (skew > MAX_CLOCK_SKEW_SECONDS) return refuse('timestamp more than 5 minutes in the future');
  let valid: boolean;
  try {
    valid = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : refuse('signature does not match');
}

function refuse(reason: string): Verdict {
  return { ok: false, reason };
}
