import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  const saved = process.env.HEARTH_SCRYPT_LOG2N;
  afterEach(() => {
    process.env.HEARTH_SCRYPT_LOG2N = saved;
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same password!')).not.toBe(await hashPassword('same password!'));
  });

  it('uses OWASP scrypt parameters by default and stores them in the hash', async () => {
    delete process.env.HEARTH_SCRYPT_LOG2N;
    const hash = await hashPassword('production cost');
    expect(hash.startsWith(`scrypt$${2 ** 17}$8$1$`)).toBe(true);
    process.env.HEARTH_SCRYPT_LOG2N = '14';
    // A hash made at another cost still verifies: parameters come from the stored hash.
    expect(await verifyPassword('production cost', hash)).toBe(true);
  });

  it('refuses malformed stored hashes', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});
