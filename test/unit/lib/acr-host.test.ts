// lib/acr-host.ts and lib/arm-id.ts: the one ACR host predicate and the one ARM-id grammar every stage uses.

import { describe, expect, it } from 'vitest';
import { acrHostKind, isAcrHost } from '../../../src/lib/acr-host.js';
import {
  armIdKey,
  parseArmId,
  parseTypedArmId,
  resourceGroupOf,
  sameArmId,
  subscriptionOf,
} from '../../../src/lib/arm-id.js';

describe('acrHostKind', () => {
  it('tells a login server from a regional (geo) endpoint and a dedicated data endpoint', () => {
    expect(acrHostKind('prodacr.azurecr.io')).toBe('login-server');
    expect(acrHostKind('ProdACR.AzureCR.IO:443')).toBe('login-server');
    expect(acrHostKind('prodacr.westeurope.geo.azurecr.io')).toBe('regional-endpoint');
    expect(acrHostKind('prodacr.westeurope.data.azurecr.io')).toBe('data-endpoint');
    expect(acrHostKind('govacr.azurecr.us')).toBe('login-server');
  });

  it('is no ACR host for the bare suffix, look-alike domains or another registry', () => {
    for (const h of [
      'azurecr.io',
      '.azurecr.io',
      'evilazurecr.io',
      'prodacr.azurecr.io.evil.com',
      'docker.io',
      'ghcr.io',
    ]) {
      expect(acrHostKind(h)).toBeUndefined();
      expect(isAcrHost(h)).toBe(false);
    }
  });

  it('uses only the suffixes it is given (a sovereign cloud has one)', () => {
    expect(isAcrHost('prodacr.azurecr.io', ['.azurecr.us'])).toBe(false);
    expect(isAcrHost('prodacr.azurecr.us', ['.azurecr.us'])).toBe(true);
  });
});

describe('arm-id', () => {
  const REG =
    '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-Prod/providers/Microsoft.ContainerRegistry/registries/prodacr';

  it('compares ids case-insensitively and ignores a trailing slash', () => {
    expect(sameArmId(REG, `${REG.toLowerCase().replace('/resourcegroups/', '/resourcegroups/')}/`)).toBe(true);
    expect(armIdKey(`${REG}/`)).toBe(REG.toLowerCase());
    expect(sameArmId(REG, `${REG}2`)).toBe(false);
  });

  it('reads subscription, resource group (as written) and typed names', () => {
    expect(subscriptionOf(REG)).toBe('11111111-1111-1111-1111-111111111111');
    expect(resourceGroupOf(REG.replace('resourceGroups', 'resourcegroups'))).toBe('rg-Prod');
    expect(parseArmId(REG)?.segments).toEqual(['registries', 'prodacr']);
    expect(
      parseTypedArmId(`${REG}/scopeMaps/pull-only`, 'microsoft.containerregistry', ['Registries', 'scopeMaps']),
    ).toEqual({
      subscriptionId: '11111111-1111-1111-1111-111111111111',
      resourceGroup: 'rg-Prod',
      names: ['prodacr', 'pull-only'],
    });
  });

  it('refuses an id of another type or shape', () => {
    expect(parseTypedArmId(REG, 'Microsoft.ContainerService', ['managedClusters'])).toBeUndefined();
    expect(parseTypedArmId(`${REG}/scopeMaps/x`, 'Microsoft.ContainerRegistry', ['registries'])).toBeUndefined();
    expect(parseArmId('/subscriptions/x')).toBeUndefined();
    expect(parseArmId(undefined)).toBeUndefined();
  });
});
