import { describe, expect, it } from 'vitest';
import { architectureFromVmSize, platformsFromAgentPools } from '../../../src/checks/node-pools.js';

describe('architecture from VM size', () => {
  it.each([
    'Standard_D4ps_v5',
    'Standard_D2pds_v5',
    'Standard_E8pds_v6',
    'Standard_D2pls_v5',
    'Standard_D16plds_v6',
    'Standard_B2pts_v2',
    'Standard_E2ps_v5',
    'standard_d4ps_v6',
  ])('recognizes the Arm-based %s as arm64', (size) => {
    expect(architectureFromVmSize(size)).toBe('arm64');
  });
  it.each([
    'Standard_DS2_v2',
    'Standard_D4s_v5',
    'Standard_D2as_v5',
    'Standard_NP10s',
    'Standard_NC24ads_A100_v4',
    'Standard_E4-2s_v5',
    'Standard_B1ms',
    'Standard_DC2s_v2',
  ])('does not mistake %s for Arm', (size) => {
    expect(architectureFromVmSize(size)).toBe('amd64');
  });
  it('says undefined for a name that does not follow the pattern', () => {
    expect(architectureFromVmSize('Dpsv6')).toBeUndefined();
  });
});

describe('platforms from agent pools', () => {
  it('gives linux/arm64 for an arm64 pool next to an amd64 pool, de-duplicated and sorted', () => {
    const platforms = platformsFromAgentPools([
      { name: 'system', osType: 'Linux', vmSize: 'Standard_D4s_v5' },
      { name: 'arm', osType: 'Linux', vmSize: 'Standard_D4ps_v5', osSKU: 'AzureLinux' },
      { name: 'arm2', osType: 'Linux', vmSize: 'Standard_E8pds_v6' },
    ]);
    expect(platforms).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ]);
  });
  it('maps Windows osSKU to the OS build an image os.version must match', () => {
    const platforms = platformsFromAgentPools([
      { osType: 'Windows', osSKU: 'Windows2019', vmSize: 'Standard_D4s_v3' },
      { osType: 'Windows', osSKU: 'Windows2022', vmSize: 'Standard_D4s_v3' },
      { osType: 'Windows', osSKU: 'Windows2025', vmSize: 'Standard_D4s_v3' },
      { osType: 'Windows', vmSize: 'Standard_D4s_v3' },
    ]);
    expect(platforms).toEqual([
      { os: 'windows', architecture: 'amd64' },
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763' },
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348' },
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.26100' },
    ]);
  });
  it('reads the AgentPools_Get example (Standard_DS1_v2, Linux) as linux/amd64', () => {
    expect(platformsFromAgentPools([{ osType: 'Linux', vmSize: 'Standard_DS1_v2' }])).toEqual([
      { os: 'linux', architecture: 'amd64' },
    ]);
  });
});
