import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (memory-hard, in Node's own crypto: no native add-on to build).
 * Parameters follow OWASP's scrypt minimum (N=2^17, r=8, p=1, 128 MiB); they are stored with each
 * hash so they can be raised later without invalidating old ones.
 */
const DEFAULT_LOG2_N = 17;
const MIN_LOG2_N = 14;

/** Cost from HEARTH_SCRYPT_LOG2N (14–20; tests use 14 to stay fast), else OWASP's 17. */
function currentParams(): { N: number; r: number; p: number } {
  const requested = Number(process.env.HEARTH_SCRYPT_LOG2N ?? DEFAULT_LOG2_N);
  const log2n = Number.isInteger(requested) ? Math.min(20, Math.max(MIN_LOG2_N, requested)) : DEFAULT_LOG2_N;
  return { N: 2 ** log2n, r: 8, p: 1 };
}
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const maxmem = 256 * (options.N ?? 1) * (options.r ?? 8) + 1024 * 1024;
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) => {
      if (error) {
        reject(error);
      } else {
        resolve(key);
      }
    });
  });
}

export async function hashPassword(password: string): Promise<string> {
  const params = currentParams();
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) {
    return false;
  }
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
