import { createHmac, randomBytes } from 'node:crypto';

/** A new install secret: 32 random bytes, hex. */
export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Who voted, as the store keeps it: an HMAC of the answer and the user under the install's
 * secret. The same user on the same answer gives the same hash (one vote each), but hashes
 * differ from answer to answer, so the store holds no list of what one person voted on, and
 * without the secret no Discord id can be tested against it.
 */
export function voterHash(secret: string, answerId: string, userId: string): string {
  return createHmac('sha256', secret).update(`${answerId}\u0000${userId}`).digest('base64url');
}
