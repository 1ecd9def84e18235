// registry-arm-audience-disabled: a registry whose `policies.azureADAuthenticationAsArmPolicy.status` is disabled
// refuses Entra tokens for the ARM audience, and the kubelet's ACR credential provider asked for ARM-audience tokens
// until cloud-provider-azure commit f5e9cad9 (2025-03-21), first shipped in tags v1.29.14, v1.30.11, v1.31.5 and
// v1.32.4. Assumption (stated in the rule's help): an AKS node pool runs the provider of its Kubernetes patch, so a
// pool older than 1.29.14 / 1.30.11 / 1.31.5 / 1.32.4 in its minor (or any minor before 1.29) still asks for ARM tokens.
// Pure: reads the registry and cluster facts only.

import type { AgentPoolLike } from './node-pools.js';

/** First patch of each minor whose credential provider asks for the ACR audience. */
export const ACR_AUDIENCE_PROVIDER_FIXED: Readonly<Record<string, number>> = {
  '1.29': 14,
  '1.30': 11,
  '1.31': 5,
  '1.32': 4,
};

export type ProviderAudience = 'arm' | 'acr' | 'unknown';

/** Which audience the credential provider of a pool at this Kubernetes version asks for. */
export function providerAudience(version: string | undefined): ProviderAudience {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec((version ?? '').trim());
  if (!m) return 'unknown';
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = Number(m[3]);
  if (major !== 1) return major > 1 ? 'acr' : 'arm';
  if (minor < 29) return 'arm';
  const fixed = ACR_AUDIENCE_PROVIDER_FIXED[`1.${minor}`];
  if (fixed === undefined) return 'acr';
  return patch < fixed ? 'arm' : 'acr';
}

/** The patch to upgrade a pool to: the first fixed patch of its minor, or 1.29.14 for minors before 1.29. */
export function fixedVersionFor(version: string | undefined): string {
  const m = /^v?1\.(\d+)\./.exec((version ?? '').trim());
  const minor = m ? `1.${m[1]}` : '';
  const fixed = ACR_AUDIENCE_PROVIDER_FIXED[minor];
  return fixed === undefined ? '1.29.14' : `${minor}.${fixed}`;
}

export interface ArmAudienceVerdict {
  severity: 'error' | 'warning';
  /** Pools whose provider asks for ARM tokens (error) or whose version is not known (warning). */
  pools: { name: string; version?: string }[];
}

/**
 * Undefined when the registry accepts ARM-audience tokens (policy absent or enabled) or every pool's provider asks for
 * the ACR audience.
 */
export function armAudienceVerdict(
  policyStatus: string | undefined,
  pools: readonly AgentPoolLike[],
): ArmAudienceVerdict | undefined {
  if ((policyStatus ?? 'enabled').toLowerCase() !== 'disabled') return undefined;
  const named = (p: AgentPoolLike) => ({
    name: p.name ?? '(unnamed pool)',
    ...(p.currentOrchestratorVersion ? { version: p.currentOrchestratorVersion } : {}),
  });
  const old = pools.filter((p) => providerAudience(p.currentOrchestratorVersion) === 'arm');
  if (old.length > 0) return { severity: 'error', pools: old.map(named) };
  const unknown = pools.filter((p) => providerAudience(p.currentOrchestratorVersion) === 'unknown');
  if (unknown.length > 0 || pools.length === 0) return { severity: 'warning', pools: unknown.map(named) };
  return undefined;
}
