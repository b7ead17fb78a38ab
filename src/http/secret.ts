import { timingSafeEqual } from 'node:crypto';

/**
 * Compares a secret a caller sent with ours in constant time (a timing leak would let a caller
 * guess it one byte at a time). Used by every webhook and the metrics bearer token.
 */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
