// The world loader: a malformed world is a one-line ConfigurationError naming where, never a crash later; defaults
// let a world without a gate block work.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/settings/config.js';
import { loadWorld, parseWorld } from '../../../src/simulate/index.js';
import { WorldIndex } from '../../../src/simulate/world-index.js';

function expectConfigError(text: string, pattern: RegExp): void {
  let caught: unknown;
  try {
    parseWorld(text, 'w.yaml');
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ConfigurationError);
  const message = (caught as Error).message;
  expect(message).toMatch(pattern);
  expect(message).not.toContain('\n');
}

describe('parseWorld', () => {
  it('accepts an empty world and fills the gate identity defaults', () => {
    const w = parseWorld('apiVersion: aks-pull-gate/v1\nkind: World\n');
    expect(w.gate.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(w.gate.deniedActions).toEqual([]);
    expect(w.gate.graph).toBe(true);
    expect(w.azure.resources).toEqual([]);
  });

  it('takes the gate tenant from the first subscription when the gate block does not name one', () => {
    const w = parseWorld('azure:\n  subscriptions:\n    - {subscriptionId: "1", tenantId: "t-1"}\n');
    expect(w.gate.tenantId).toBe('t-1');
  });

  it('accepts JSON, and an unquoted YAML timestamp for now', () => {
    expect(parseWorld('{"kind":"World","now":"2026-11-21T00:00:00Z"}').now).toBe('2026-11-21T00:00:00.000Z');
    expect(parseWorld('now: 2026-11-21T00:00:00Z').now).toBe('2026-11-21T00:00:00.000Z');
  });

  it('rejects YAML that does not parse with a one-line message naming the file', () => {
    expectConfigError('azure: [\n  - {', /w\.yaml is not valid YAML or JSON/);
  });

  it('rejects a resource without an id, naming its index', () => {
    expectConfigError(
      'azure:\n  resources:\n    - {name: x}\n',
      /azure\.resources\[0\]\.id: must be a non-empty string/,
    );
  });

  it('rejects a tag that is not a digest and a manifest key that is not a digest', () => {
    expectConfigError(
      'registries:\n  r.azurecr.io:\n    repositories:\n      a: {tags: {v1: "latest"}}\n',
      /tags\["v1"\]: must be a digest/,
    );
    expectConfigError(
      'registries:\n  r.azurecr.io:\n    repositories:\n      a: {manifests: {v1: {}}}\n',
      /manifests\["v1"\]: the key must be a digest/,
    );
  });

  it('rejects a bad fault mode, a bad fault regex and a negative latency', () => {
    expectConfigError('faults:\n  - {mode: explode}\n', /faults\[0\]\.mode: must be one of status, reset/);
    expectConfigError('faults:\n  - {path: "("}\n', /faults\[0\]\.path: is not a valid regular expression/);
    expectConfigError('latencyMs: -1\n', /latencyMs: must be a number of 0 or more/);
  });

  it('rejects a wrong kind or apiVersion', () => {
    expectConfigError('kind: Deployment\n', /kind: must be World/);
    expectConfigError('apiVersion: v2\n', /apiVersion: must be aks-pull-gate\/v1/);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    expect(() => parseWorld(bomb.join('\n'))).toThrow(ConfigurationError);
  });

  it('adds a manifest entry for a tag whose digest the world does not describe', () => {
    const d = `sha256:${'a'.repeat(64)}`;
    const w = parseWorld(`registries:\n  R.azurecr.io:\n    repositories:\n      app: {tags: {v1: "${d}"}}\n`);
    expect(w.registries['r.azurecr.io'].repositories.app.manifests[d]).toEqual({});
  });
});

describe('loadWorld', () => {
  it('names a missing file in a ConfigurationError', async () => {
    await expect(loadWorld('/nonexistent/world.yaml')).rejects.toThrow(
      /world file \/nonexistent\/world\.yaml does not exist/,
    );
  });

  it('loads a world file from disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'world-'));
    try {
      await writeFile(join(dir, 'w.yaml'), 'kind: World\nnow: "2026-01-01T00:00:00Z"\n');
      expect((await loadWorld(join(dir, 'w.yaml'))).now).toBe('2026-01-01T00:00:00.000Z');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('management groups (azure.managementGroups)', () => {
  const MG = '/providers/Microsoft.Management/managementGroups';
  const world = (groups: string) =>
    `apiVersion: aks-pull-gate/v1\nkind: World\nazure:\n  subscriptions: [{subscriptionId: s1}, {subscriptionId: s2}]\n  managementGroups:\n${groups}`;

  it('covers a subscription, and what is in it, from its group and every parent, but not from a sibling', () => {
    const w = parseWorld(
      world(
        `    - {id: ${MG}/root, subscriptions: []}\n` +
          `    - {id: ${MG}/lz, parent: ${MG}/root, subscriptions: [S1]}\n` +
          `    - {id: ${MG}/conn, parent: ${MG}/root, subscriptions: [s2]}\n`,
      ),
    );
    const index = new WorldIndex(w);
    const registry = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/r';
    expect(index.managementGroupsAbove(registry)).toEqual([`${MG}/lz`.toLowerCase(), `${MG}/root`.toLowerCase()]);
    expect(index.covers(`${MG}/ROOT`, registry)).toBe(true);
    expect(index.covers(`${MG}/lz`, registry)).toBe(true);
    expect(index.covers(`${MG}/conn`, registry)).toBe(false);
    expect(index.covers(registry, `${MG}/lz`)).toBe(false);
    expect(index.covers(`${MG}/root`, `${MG}/conn`)).toBe(true);
  });

  it('refuses a group id of another shape and a parent the world does not name', () => {
    expectConfigError(world('    - {id: /managementGroups/x}\n'), /azure\.managementGroups\[0\]\.id/);
    expectConfigError(world(`    - {id: ${MG}/x, parent: ${MG}/nope}\n`), /azure\.managementGroups\[0\]\.parent/);
  });
});
