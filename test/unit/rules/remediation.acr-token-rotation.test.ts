import { describe, expect, it } from 'vitest';
import { tokenRotationCommands } from '../../../src/rules/remediation.js';

const UPDATE = 'kubectl create secret docker-registry acr-pull ... | kubectl apply -f -';

describe('the fix for an expiring scoped token password', () => {
  it('generates the new password in the free slot, updates the secret, then deletes the old password', () => {
    const fix = tokenRotationCommands(
      'ci-pull',
      'prodacr',
      [{ name: 'password1', expiry: '2026-12-01T00:00:00Z' }],
      UPDATE,
    );
    expect(fix.split('\n')).toEqual([
      'az acr token credential generate --name ci-pull --registry prodacr --password2',
      `${UPDATE} (update the pull secret with the new password before deleting the old one)`,
      'az acr token credential delete --name ci-pull --registry prodacr --password1',
    ]);
  });

  it('names password1 when only password2 is taken', () => {
    const fix = tokenRotationCommands('t', 'r', [{ name: 'password2', expiry: '2026-12-01T00:00:00Z' }], UPDATE);
    expect(fix).toContain('--password1\n');
    expect(fix).toContain('delete --name t --registry r --password2');
  });

  it('with both slots taken, regenerates the one expiring first and says to pick the slot the secret does not hold', () => {
    const fix = tokenRotationCommands(
      't',
      'r',
      [
        { name: 'password1', expiry: '2026-12-20T00:00:00Z' },
        { name: 'password2', expiry: '2026-12-01T00:00:00Z' },
      ],
      UPDATE,
    );
    expect(fix.split('\n')[0]).toBe(
      'az acr token credential generate --name t --registry r --password2 (both slots are taken: regenerate the one the pull secret does not hold)',
    );
    expect(fix).not.toContain('credential delete');
  });
});
