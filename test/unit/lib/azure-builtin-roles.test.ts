// Both built-in role tables (the checks' src/lib/azure-builtin-roles.ts and the emulator's own
// src/simulate/builtin-roles.ts) pinned to Microsoft's published role definition GUIDs, written out here by hand from
// MicrosoftDocs/azure-docs articles/role-based-access-control/built-in-roles/containers.md (Acr*, Container Registry
// Repository *) and general.md (Owner, Contributor, Reader, User Access Administrator). The emulator stays an
// independent oracle: neither table is derived from the other, and a drift in either fails here.

import { describe, expect, it } from 'vitest';
import { BUILTIN_ROLE_DEFINITIONS, BUILTIN_ROLE_IDS, roleGuid } from '../../../src/lib/azure-builtin-roles.js';
import { BUILT_IN_ROLES } from '../../../src/simulate/builtin-roles.js';

const PUBLISHED: Record<string, string> = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  AcrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  AcrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
  AcrDelete: 'c2f4ef07-c644-48eb-af81-4b1b4947fb11',
  AcrQuarantineReader: 'cdda3590-29a3-44f6-95f2-9f980659eb04',
  'Container Registry Repository Reader': 'b93aa761-3e63-49ed-ac28-beffa264f7ac',
  'Container Registry Repository Writer': '2a1e307c-b015-4ebd-883e-5b7698a07328',
  'Container Registry Repository Contributor': '2efddaa5-3f1f-4df3-97df-af3f13818f4c',
  'Container Registry Repository Catalog Lister': 'bfdb9389-c9a5-478a-bb2f-ba9ca092c3c7',
};

describe('built-in role GUIDs', () => {
  it("gives every role of the checks' table its published GUID (Reader is acdd72a7-3385-...)", () => {
    for (const [name, guid] of Object.entries(BUILTIN_ROLE_IDS)) expect([name, guid]).toEqual([name, PUBLISHED[name]]);
    expect(BUILTIN_ROLE_IDS.Reader).toBe('acdd72a7-3385-48ef-bd42-f606fba81ae7');
  });

  it("keys the checks' role definitions by their published GUID and names them as published", () => {
    for (const [guid, def] of Object.entries(BUILTIN_ROLE_DEFINITIONS)) {
      expect(roleGuid(def.id)).toBe(guid);
      expect(PUBLISHED[def.roleName ?? '']).toBe(guid);
    }
  });

  it("gives every role of the emulator's table its published GUID", () => {
    for (const role of BUILT_IN_ROLES)
      expect([role.roleName, role.guid]).toEqual([role.roleName, PUBLISHED[role.roleName]]);
  });

  it('covers every published pull role in both tables', () => {
    const emulator = new Set(BUILT_IN_ROLES.map((r) => r.roleName));
    for (const name of Object.keys(BUILTIN_ROLE_IDS)) expect(emulator.has(name)).toBe(true);
  });
});
