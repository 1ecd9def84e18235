// Endpoints of the Azure clouds the gate signs in to (`azure-environment`): Entra authority, ARM, Microsoft Graph,
// ACR login-server suffixes and the audience for ACR data-plane Entra tokens. The simulated world is not one of
// these: the emulator hands the gate its own AzureEndpoints, treated as a custom cloud.

import type { AzureEnvironmentName } from '../../settings/config.js';
import type { AzureEndpoints } from '../../types/facts/context.js';

// ACR accepts Entra tokens for its own audience in every cloud: the Azure CLI (`az acr login` with
// authentication-as-arm disabled) asks for https://containerregistry.azure.net regardless of the active cloud, and
// the ACR service team told the SDKs to default to it "for all clouds" (Azure/azure-sdk-for-net#34785). The ARM
// audience also works where authentication-as-arm is enabled, but not where a registry turned it off.
const ACR_SCOPE = 'https://containerregistry.azure.net/.default';

const CLOUDS: Record<AzureEnvironmentName, AzureEndpoints> = {
  AzureCloud: {
    name: 'AzureCloud',
    authorityHost: 'https://login.microsoftonline.com',
    resourceManager: 'https://management.azure.com',
    graph: 'https://graph.microsoft.com',
    acrSuffixes: ['.azurecr.io'],
    acrScope: ACR_SCOPE,
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    authorityHost: 'https://login.microsoftonline.us',
    resourceManager: 'https://management.usgovcloudapi.net',
    graph: 'https://graph.microsoft.us',
    acrSuffixes: ['.azurecr.us'],
    acrScope: ACR_SCOPE,
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    authorityHost: 'https://login.chinacloudapi.cn',
    resourceManager: 'https://management.chinacloudapi.cn',
    graph: 'https://microsoftgraph.chinacloudapi.cn',
    acrSuffixes: ['.azurecr.cn'],
    acrScope: ACR_SCOPE,
  },
};

/** Endpoints of a named Azure cloud. Returns a fresh copy, so callers may adjust it without touching the table. */
export function cloudEndpoints(name: AzureEnvironmentName): AzureEndpoints {
  const cloud = CLOUDS[name];
  return { ...cloud, acrSuffixes: [...cloud.acrSuffixes] };
}

/** True for the three public clouds above; anything else (the emulator, an Azure Stack Hub) is a custom cloud. */
export function isKnownCloud(endpoints: AzureEndpoints): boolean {
  const host = hostOf(endpoints.authorityHost);
  return Object.values(CLOUDS).some((c) => hostOf(c.authorityHost) === host);
}

/** The `.default` scope for ARM tokens of this cloud. */
export function armScope(endpoints: AzureEndpoints): string {
  return `${endpoints.resourceManager.replace(/\/+$/, '')}/.default`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}
