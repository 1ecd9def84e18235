import { describe, expect, it } from 'vitest';
import { armScope, cloudEndpoints, isKnownCloud } from '../../../../src/facts/azure/clouds.js';

describe('cloudEndpoints', () => {
  it('points AzureCloud at the public authority, ARM, Graph and .azurecr.io', () => {
    expect(cloudEndpoints('AzureCloud')).toEqual({
      name: 'AzureCloud',
      authorityHost: 'https://login.microsoftonline.com',
      resourceManager: 'https://management.azure.com',
      graph: 'https://graph.microsoft.com',
      acrSuffixes: ['.azurecr.io'],
      acrScope: 'https://containerregistry.azure.net/.default',
    });
  });

  it('does not send US Government sign-ins to the public cloud', () => {
    const e = cloudEndpoints('AzureUSGovernment');
    expect(e.authorityHost).toBe('https://login.microsoftonline.us');
    expect(e.resourceManager).toBe('https://management.usgovcloudapi.net');
    expect(e.graph).toBe('https://graph.microsoft.us');
    expect(e.acrSuffixes).toEqual(['.azurecr.us']);
  });

  it('does not send China sign-ins to the public cloud', () => {
    const e = cloudEndpoints('AzureChinaCloud');
    expect(e.authorityHost).toBe('https://login.chinacloudapi.cn');
    expect(e.resourceManager).toBe('https://management.chinacloudapi.cn');
    expect(e.graph).toBe('https://microsoftgraph.chinacloudapi.cn');
    expect(e.acrSuffixes).toEqual(['.azurecr.cn']);
  });

  it('hands out copies, so a caller changing one cannot change the next run', () => {
    cloudEndpoints('AzureCloud').acrSuffixes.push('.example');
    expect(cloudEndpoints('AzureCloud').acrSuffixes).toEqual(['.azurecr.io']);
  });

  it('tells the known clouds from a custom one (the emulator), which needs instance discovery off', () => {
    expect(isKnownCloud(cloudEndpoints('AzureChinaCloud'))).toBe(true);
    expect(isKnownCloud({ ...cloudEndpoints('AzureCloud'), authorityHost: 'https://127.0.0.1:8443' })).toBe(false);
  });

  it('builds the ARM .default scope without a double slash', () => {
    expect(armScope({ ...cloudEndpoints('AzureCloud'), resourceManager: 'https://management.azure.com/' })).toBe(
      'https://management.azure.com/.default',
    );
  });
});
