// One case per folder: test/rules/<rule-id>/<case>/ for every rule of the catalogue, test/rules/_healthy/<case>/ for
// look-alikes that must give no error. Each case is a simulated world (world.yaml, served by the loopback emulator),
// the manifests the gate reads (manifests.yaml or a manifests/ folder) and one expected.json:
//
//   description   what the case shows (docs/rules.md lists it under its rule)
//   evidence      why real Azure / Kubernetes behaves so: a FIDELITY.md point, a recording, a Microsoft doc
//   mode          check (default) | audit: the entry point, runGate in that mode. (diagnose composes one root cause
//                 from findings of these same rules, and no rule is emitted by it alone: its classes are tested in
//                 test/integration/diagnose.test.ts. Every rule of the catalogue fires through runGate, so the harness
//                 has no exemption list.)
//   options       Config overrides (testConfig): cluster, subscription, offline, expiryWarningDays, ignore, ...
//   env           the gate's environment (deps.env); a value starting with ./ is a path inside the case folder
//   fakeAz        a run without a world signs in through the Azure CLI: test/helpers/fake-az goes first on PATH
//                 with these FAKE_AZ_* variables for the run, so no real az is ever started
//   exitCode      0 | 1 | 2 (2: the run stops with a ConfigurationError whose message holds `errorContains`)
//   images        reference -> status in the report (exactly), when given
//   findings      every finding of the report, exactly (no more, no fewer): rule, severity, whether it is
//                 suppressed, and fragments its message / remediation must hold
//   lookAlikeOf   (only in _healthy) the rules this case looks like but must not fire
//   stage         stage-level assertions (test/rules/stages.ts): pull-path states, exact remediations, places
//
// Expectations come from real behaviour (the evidence field), never from what the emulator happens to answer.
// A coverage test fails when a catalogue rule has no folder with a case, a folder names no rule, or a _healthy case
// names no look-alike.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGate, type GateResult } from '../../src/gate.js';
import { CATALOGUE } from '../../src/rules/catalogue.js';
import { ConfigurationError, type Config } from '../../src/settings/config.js';
import type { RuleId } from '../../src/types/index.js';
import { testConfig } from '../helpers/config.js';
import {
  assertCredentialsStage,
  assertIdentityStage,
  assertNetworkStage,
  runNetworkStage,
  type CredentialsStage,
  type IdentityStage,
  type NetworkStage,
} from './stages.js';

const ROOT = path.join('test', 'rules');
const HEALTHY = '_healthy';

interface ExpectedFinding {
  rule: RuleId;
  severity: 'error' | 'warning' | 'notice';
  messageContains?: string[];
  remediationContains?: string[];
  /** True: accepted by an ignore: entry (counted apart, does not decide). */
  suppressed?: boolean;
}

interface Expected {
  description: string;
  evidence: string;
  mode?: 'check' | 'audit';
  options?: Partial<Config>;
  env?: Record<string, string>;
  fakeAz?: Record<string, string>;
  exitCode: 0 | 1 | 2;
  errorContains?: string[];
  images?: Record<string, string>;
  findings: ExpectedFinding[];
  lookAlikeOf?: RuleId[];
  stage?: { identity?: IdentityStage; network?: NetworkStage; credentials?: CredentialsStage };
}

interface Case {
  folder: string;
  name: string;
  dir: string;
  expected: Expected;
}

/** Folders of test/rules: rule ids, _healthy, and _-prefixed shared material (no cases). */
const folders = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const cases: Case[] = folders
  .filter((f) => f === HEALTHY || !f.startsWith('_'))
  .flatMap((folder) =>
    readdirSync(path.join(ROOT, folder), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(ROOT, folder, d.name, 'expected.json')))
      .map((d) => {
        const dir = path.join(ROOT, folder, d.name);
        const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
        return { folder, name: d.name, dir, expected };
      }),
  )
  .sort((a, b) => a.dir.localeCompare(b.dir));

function configOf(c: Case): Config {
  const { dir, expected } = c;
  const manifests = ['manifests.yaml', 'manifests'].filter((m) => existsSync(path.join(dir, m)));
  const world = path.join(dir, 'world.yaml');
  return testConfig({
    mode: expected.mode ?? 'check',
    manifests,
    cwd: dir,
    timeoutMs: 30_000,
    ...(existsSync(world) ? { simulate: world } : {}),
    ...expected.options,
  });
}

function envOf(c: Case): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(c.expected.env ?? {}).map(([k, v]) => [k, v.startsWith('./') ? path.resolve(c.dir, v) : v]),
  );
}

async function run(c: Case): Promise<{ result?: GateResult; error?: unknown; logs: string[]; masked: Set<string> }> {
  const logs: string[] = [];
  const masked = new Set<string>();
  const saved = { ...process.env };
  if (c.expected.fakeAz) {
    process.env.PATH = `${path.resolve('test/helpers/fake-az')}${path.delimiter}${process.env.PATH ?? ''}`;
    Object.assign(process.env, c.expected.fakeAz);
  } else if (
    !c.expected.options?.simulate &&
    !existsSync(path.join(c.dir, 'world.yaml')) &&
    !c.expected.options?.offline
  )
    throw new Error(`${c.dir}: a case without a world is offline or names fakeAz (no real Azure, no real az)`);
  try {
    const result = await runGate(configOf(c), {
      logger: { debug: (m) => logs.push(m), info: (m) => logs.push(m), warning: (m) => logs.push(m) },
      maskSecret: (v) => masked.add(v),
      env: envOf(c),
    });
    return { result, logs, masked };
  } catch (error) {
    return { error, logs, masked };
  } finally {
    if (c.expected.fakeAz) {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  }
}

describe('test/rules: one folder per rule of the catalogue', () => {
  const ruleIds = Object.keys(CATALOGUE).sort() as RuleId[];

  it('every rule of the catalogue has a folder with at least one case', () => {
    const covered = new Set(cases.filter((c) => c.folder !== HEALTHY).map((c) => c.folder));
    expect(ruleIds.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('every folder names a rule of the catalogue (or is _healthy, or _-prefixed shared material)', () => {
    expect(folders.filter((f) => !f.startsWith('_') && !(f in CATALOGUE))).toEqual([]);
  });

  it('every case of a rule folder makes that rule fire; every _healthy case names its look-alikes and stays quiet on them', () => {
    for (const c of cases) {
      const rules = c.expected.findings.map((f) => f.rule);
      if (c.folder === HEALTHY) {
        expect(c.expected.lookAlikeOf?.length, `${c.dir}: lookAlikeOf`).toBeGreaterThan(0);
        for (const id of c.expected.lookAlikeOf ?? []) expect(ruleIds, `${c.dir}: ${id}`).toContain(id);
        expect(
          c.expected.findings.filter((f) => f.severity === 'error'),
          `${c.dir}: a healthy case has no error`,
        ).toEqual([]);
      } else {
        expect(c.expected.lookAlikeOf, `${c.dir}: lookAlikeOf only in _healthy`).toBeUndefined();
        expect(rules, `${c.dir} fires ${c.folder}`).toContain(c.folder);
      }
      expect(c.expected.description, `${c.dir}: description`).toBeTruthy();
      expect(c.expected.evidence, `${c.dir}: evidence`).toBeTruthy();
    }
  });

  it('holds at least the 68 cases of the four scenario folders it replaced, with their stage-level assertions', () => {
    expect(cases.length).toBeGreaterThanOrEqual(68);
    const staged = (k: 'identity' | 'network' | 'credentials') => cases.filter((c) => c.expected.stage?.[k]).length;
    expect(staged('identity')).toBeGreaterThanOrEqual(26);
    expect(staged('network')).toBeGreaterThanOrEqual(13);
    expect(staged('credentials')).toBeGreaterThanOrEqual(17);
  });
});

describe('test/rules cases through the whole gate (loopback emulator)', () => {
  for (const c of cases) {
    it(`${c.folder}/${c.name}: ${c.expected.description}`, async () => {
      const { expected } = c;
      const { result, error, logs } = await run(c);
      if (expected.exitCode === 2) {
        expect(error, 'the run stops with a configuration error').toBeInstanceOf(ConfigurationError);
        for (const m of expected.errorContains ?? []) expect((error as Error).message).toContain(m);
        return;
      }
      if (error) throw error;
      const r = result!;
      const key = (rule: string, severity: string, suppressed: boolean) =>
        `${rule}:${severity}${suppressed ? ':suppressed' : ''}`;
      const got = r.report.findings.map((f) => key(f.rule, f.severity, !!f.suppressed)).sort();
      expect(got, JSON.stringify(r.report.findings, null, 1)).toEqual(
        expected.findings.map((f) => key(f.rule, f.severity, !!f.suppressed)).sort(),
      );
      const unmatched = [...r.report.findings];
      for (const want of expected.findings) {
        // Each expected finding is held to its own finding of that rule and severity (in order), so two findings of
        // one rule are both checked.
        const at = unmatched.findIndex(
          (x) =>
            x.rule === want.rule &&
            x.severity === want.severity &&
            !!x.suppressed === !!want.suppressed &&
            (want.messageContains ?? []).every((m) => x.message.includes(m)),
        );
        const f = at >= 0 ? unmatched.splice(at, 1)[0] : undefined;
        for (const m of want.messageContains ?? []) expect(f?.message, want.rule).toContain(m);
        for (const m of want.remediationContains ?? []) expect(f?.remediation, want.rule).toContain(m);
      }
      for (const f of r.report.findings) if (f.severity === 'error') expect(f.remediation, f.rule).toBeTruthy();
      if (expected.images)
        expect(Object.fromEntries(r.report.images.map((i) => [i.reference, i.status]))).toEqual(expected.images);
      expect(r.exitCode).toBe(expected.exitCode);
      // Secrets of the worlds (every one holds CANARY) and the gate's own secret never reach the report or a log line.
      expect(JSON.stringify(r.report) + logs.join('\n')).not.toMatch(/CANARY|simulated-gate-secret/);

      if (expected.stage?.identity) await assertIdentityStage(c.dir, expected.stage.identity, c.folder === HEALTHY);
      if (expected.stage?.network) await assertNetworkStage(c.dir, expected.stage.network);
      if (expected.stage?.credentials) await assertCredentialsStage(c.dir, expected.stage.credentials);
    });
  }
});

describe('facts the network cases rely on', () => {
  const images = ['prodacr.azurecr.io/orders-api:v1.4.1'];

  it('resolves the user-assigned NAT gateway from the node subnet down to its public IP prefix', async () => {
    const { facts } = await runNetworkStage(
      path.join(ROOT, 'registry-firewall-blocks-cluster/nat-gateway-prefix-not-allowed'),
      images,
    );
    expect(facts.egress).toMatchObject({
      outboundType: 'userAssignedNATGateway',
      addresses: [{ cidr: '51.105.64.0/30', kind: 'public-ip-prefix' }],
      unknown: [],
    });
  });

  it('requires the data-endpoint record of every replica region', async () => {
    const { facts } = await runNetworkStage(
      path.join(ROOT, 'private-dns-record-missing/private-dns-record-missing-replica'),
      images,
    );
    expect(facts.registries[0].regions).toEqual(['westeurope', 'northeurope']);
    expect(facts.registries[0].requiredRecords).toEqual([
      'prodacr',
      'prodacr.westeurope.data',
      'prodacr.northeurope.data',
    ]);
    expect(facts.registries[0].privateZones[0].records).toEqual({
      prodacr: ['10.10.8.4'],
      'prodacr.westeurope.data': ['10.10.8.5'],
      'prodacr.northeurope.data': [],
    });
  });

  it('records a refused read as unverifiable with the permission, not as a failure', async () => {
    const { facts } = await runNetworkStage(path.join(ROOT, 'cluster-egress-unknown/egress-ip-unreadable'), images);
    expect(facts.egress.addresses).toEqual([]);
    expect(facts.unverifiable).toEqual([
      expect.objectContaining({ scope: 'egress', permission: 'Microsoft.Network/publicIPAddresses/read' }),
    ]);
  });
});
