// Which hosts belong to a registry: its login server, its regional endpoints (<label>.<region>.geo.azurecr.io, the
// login server of one replica: Microsoft's ACR endpoint reference and the azure-cli test_acr_login.yaml recording's
// regionalEndpointHostNames) and its data endpoints (<label>.<region>.data.azurecr.io, dataEndpointHostNames).

import { describe, expect, it } from 'vitest';
import { replicaHostOf } from '../../../../src/facts/azure/registries.js';

const SUFFIXES = ['.azurecr.io'];

describe('replicaHostOf', () => {
  it('recognises the regional endpoint and the data endpoint of the registry, case-insensitively', () => {
    expect(replicaHostOf('clireg000002.westus.geo.azurecr.io', 'clireg000002.azurecr.io', SUFFIXES)).toBe('geo');
    expect(replicaHostOf('ProdACR.EastUS.Geo.AzureCR.io', 'prodacr.azurecr.io', SUFFIXES)).toBe('geo');
    expect(replicaHostOf('prodacr.eastus.data.azurecr.io', 'prodacr.azurecr.io', SUFFIXES)).toBe('data');
  });

  it('ignores other registries, the login server itself and other shapes', () => {
    expect(replicaHostOf('other.westus.geo.azurecr.io', 'prodacr.azurecr.io', SUFFIXES)).toBeUndefined();
    expect(replicaHostOf('prodacr.azurecr.io', 'prodacr.azurecr.io', SUFFIXES)).toBeUndefined();
    expect(replicaHostOf('prodacr.geo.azurecr.io', 'prodacr.azurecr.io', SUFFIXES)).toBeUndefined();
    expect(replicaHostOf('prodacr.westus.geo.azurecr.cn', 'prodacr.azurecr.io', SUFFIXES)).toBeUndefined();
    expect(replicaHostOf('prodacr.westus.geo.azurecr.io', '', SUFFIXES)).toBeUndefined();
  });

  it('follows the cloud suffix of the login server', () => {
    expect(
      replicaHostOf('prodacr.chinaeast2.geo.azurecr.cn', 'prodacr.azurecr.cn', ['.azurecr.io', '.azurecr.cn']),
    ).toBe('geo');
  });
});
