// A complete Config for tests: the CLI's defaults, with what the test cares about overridden.
import type { Config } from '../../src/settings/config.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    mode: 'check',
    manifests: [],
    cwd: process.cwd(),
    namespace: 'default',
    registries: [],
    format: 'json',
    failOn: 'error',
    unverified: 'fail',
    expiryWarningDays: 30,
    platforms: [{ os: 'linux', architecture: 'amd64' }],
    platformsExplicit: false,
    clusterReads: true,
    offline: false,
    azureEnvironment: 'AzureCloud',
    timeoutMs: 60_000,
    maxFileBytes: 1024 * 1024,
    ignore: [],
    ...overrides,
  };
}
