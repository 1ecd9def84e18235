// The test helper's bcrypt (htpasswd for the real registry) must produce hashes distribution accepts:
// known answers from OpenBSD/crypt_blowfish's test vectors.
import { describe, expect, it } from 'vitest';
import { bcryptHash, bcryptWithEncodedSalt } from '../helpers/docker-registry.js';

describe('test helper bcrypt', () => {
  it('matches the crypt_blowfish known answer for U*U, so htpasswd lines are not rejected by the registry', () => {
    expect(bcryptWithEncodedSalt('U*U', 5, 'CCCCCCCCCCCCCCCCCCCCC.')).toBe(
      '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW',
    );
  });
  it('matches the known answer for an empty password', () => {
    expect(bcryptWithEncodedSalt('', 5, 'CCCCCCCCCCCCCCCCCCCCC.')).toBe(
      '$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy',
    );
  });
  it('gives a different hash for another salt (random by default)', () => {
    expect(bcryptHash('pw', 4)).not.toBe(bcryptHash('pw', 4));
    expect(bcryptHash('pw', 4)).toMatch(/^\$2y\$04\$[./A-Za-z0-9]{53}$/);
  });
});
