// Platforms pods can land on, from the cluster's agent pools: OS, CPU architecture from the VM size, and for Windows the
// OS build an image's `os.version` must match. Pure; these replace the `--platform` default when a cluster is given.

import type { Platform } from '../types/index.js';
import type { AgentPoolLike } from '../types/facts/identity.js';

export type { AgentPoolLike };

/**
 * Windows Server build of each AKS Windows osSKU (the `os.version` prefix of matching image manifests).
 * WindowsAnnual is left out: its build moves with the annual channel release.
 */
export const WINDOWS_OS_BUILDS: Readonly<Record<string, string>> = {
  windows2019: '10.0.17763',
  windows2022: '10.0.20348',
  windows2025: '10.0.26100',
};

/**
 * CPU architecture of an Azure VM size, from its name: `<Tier>_<Family><vCPUs>[-<constrained>]<features>[_...]`.
 * The lower-case feature letters follow the vCPU count; `p` there means an Arm-based processor
 * (Standard_D4ps_v5, Standard_E8pds_v6, Standard_D2pls_v5, Standard_B2pts_v2). Family letters come before the vCPU
 * count, so a family such as `NP` (FPGA, Standard_NP10s) is not mistaken for the feature. Undefined when the name does
 * not follow the pattern.
 */
export function architectureFromVmSize(vmSize: string): 'amd64' | 'arm64' | undefined {
  const m = /^(?:standard|basic)_([a-z]+)(\d+)(?:-\d+)?([a-z]*)(?:_|$)/i.exec(vmSize.trim());
  if (!m) return undefined;
  // Feature letters are lower-case in Azure's names; accept any casing but keep family and features apart.
  return m[3].toLowerCase().includes('p') ? 'arm64' : 'amd64';
}

/** The platform one agent pool offers (architecture defaults to amd64 when the VM size does not parse). */
export function platformOfAgentPool(pool: AgentPoolLike): Platform {
  const os = (pool.osType ?? 'Linux').toLowerCase() === 'windows' ? 'windows' : 'linux';
  const architecture = (pool.vmSize && architectureFromVmSize(pool.vmSize)) || 'amd64';
  const p: Platform = { os, architecture };
  // No variant: arm64 nodes run v8, and images often omit the variant for arm64 (containerd treats both alike).
  if (os === 'windows' && pool.osSKU) {
    const build = WINDOWS_OS_BUILDS[pool.osSKU.toLowerCase()];
    if (build) p.osVersion = build;
  }
  return p;
}

/** Distinct platforms of the agent pools, in a stable order (os, architecture, osVersion). */
export function platformsFromAgentPools(pools: readonly AgentPoolLike[]): Platform[] {
  const seen = new Map<string, Platform>();
  for (const pool of pools) {
    const p = platformOfAgentPool(pool);
    seen.set(`${p.os}/${p.architecture}/${p.variant ?? ''}:${p.osVersion ?? ''}`, p);
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}
