// registry-arm-audience-disabled: which node-pool versions still run a credential provider that asks for ARM-audience
// tokens (cloud-provider-azure fixed it in v1.29.14, v1.30.11, v1.31.5, v1.32.4; the rule's help states the assumption
// that a pool runs the provider of its Kubernetes patch), and what the verdict is for a registry whose
// azureADAuthenticationAsArmPolicy is disabled.

import { describe, expect, it } from 'vitest';
import { armAudienceVerdict, fixedVersionFor, providerAudience } from '../../../src/checks/arm-audience.js';
import { ruleById } from '../../../src/rules/catalogue.js';

describe('providerAudience', () => {
  it.each([
    ['1.28.15', 'arm'],
    ['1.29.13', 'arm'],
    ['1.29.14', 'acr'],
    ['1.30.10', 'arm'],
    ['1.30.11', 'acr'],
    ['1.31.4', 'arm'],
    ['1.31.5', 'acr'],
    ['1.32.3', 'arm'],
    ['1.32.4', 'acr'],
    ['1.33.0', 'acr'],
    ['v1.31.5', 'acr'],
    ['1.31', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
    ['latest', 'unknown'],
  ] as const)('%s -> %s', (version, audience) => {
    expect(providerAudience(version)).toBe(audience);
  });

  it('names the first fixed patch of the minor to upgrade to', () => {
    expect(fixedVersionFor('1.31.4')).toBe('1.31.5');
    expect(fixedVersionFor('1.29.2')).toBe('1.29.14');
    expect(fixedVersionFor('1.27.9')).toBe('1.29.14');
  });
});

describe('armAudienceVerdict', () => {
  const pools = (...v: (string | undefined)[]) =>
    v.map((currentOrchestratorVersion, i) => ({
      name: `pool${i}`,
      ...(currentOrchestratorVersion ? { currentOrchestratorVersion } : {}),
    }));

  it('is silent while the policy is enabled or absent, whatever the pools run', () => {
    expect(armAudienceVerdict(undefined, pools('1.28.0'))).toBeUndefined();
    expect(armAudienceVerdict('enabled', pools('1.28.0'))).toBeUndefined();
  });

  it('is silent when every pool runs a fixed provider', () => {
    expect(armAudienceVerdict('disabled', pools('1.32.4', '1.33.1'))).toBeUndefined();
  });

  it('is an error naming the old pools when any pool is older than the fix in its minor', () => {
    expect(armAudienceVerdict('Disabled', pools('1.33.1', '1.30.10', undefined))).toEqual({
      severity: 'error',
      pools: [{ name: 'pool1', version: '1.30.10' }],
    });
  });

  it('is a warning when no pool is known old but some version cannot be read', () => {
    expect(armAudienceVerdict('disabled', pools('1.33.1', undefined))).toEqual({
      severity: 'warning',
      pools: [{ name: 'pool1' }],
    });
    expect(armAudienceVerdict('disabled', [])?.severity).toBe('warning');
  });

  it('has a catalogue entry that states the assumption and both fixes', () => {
    const rule = ruleById('registry-arm-audience-disabled');
    expect(rule?.severities).toEqual(['error', 'warning']);
    expect(rule?.help).toContain('Assumption');
    expect(rule?.help).toContain('authentication-as-arm update');
    expect(rule?.help).toContain('nodepool upgrade');
  });
});
