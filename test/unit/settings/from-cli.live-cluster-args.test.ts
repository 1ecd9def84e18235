// The CLI's diagnose command and the audit's workload flags: parsed into targets and Config, mistakes one line.

import { describe, expect, it } from 'vitest';
import { parseCli } from '../../../src/settings/from-cli.js';
import { ConfigurationError } from '../../../src/settings/config.js';

describe('diagnose arguments', () => {
  it('--pod <ns>/<name>', () => {
    const c = parseCli(['diagnose', '--pod', 'prod/orders-api-7d9f8c6b4-x2kqp'], '/');
    expect(c.kind === 'diagnose' && c.target).toEqual({
      pod: { namespace: 'prod', name: 'orders-api-7d9f8c6b4-x2kqp' },
    });
  });
  it('--namespace with --selector', () => {
    const c = parseCli(['diagnose', '--namespace', 'prod', '--selector', 'app=orders-api'], '/');
    expect(c.kind === 'diagnose' && c.target).toEqual({ namespace: 'prod', selector: 'app=orders-api' });
  });
  it.each([
    [['diagnose'], 'diagnose needs --pod'],
    [['diagnose', '--pod', 'orders'], '--pod must be <namespace>/<name>'],
    [['diagnose', '--pod', 'a/b', '--selector', 'x=y'], '--selector goes with --namespace'],
    [['diagnose', '--namespace', 'prod', '--selector', 'not a selector'], '--selector must be key=value'],
    [['diagnose', '--pod', 'a/b', '--format', 'sarif'], 'diagnose --format must be one of text, json, markdown'],
    [['audit', '--pod', 'a/b'], '--pod and --selector belong to diagnose'],
  ])('%j is a one-line usage error', (argv, msg) => {
    expect(() => parseCli(argv, '/')).toThrow(ConfigurationError);
    expect(() => parseCli(argv, '/')).toThrow(msg);
  });
});

describe('audit workload flags', () => {
  it('workloads on by default; --no-workloads; --audit-namespace repeatable', () => {
    const on = parseCli(['audit'], '/');
    expect(on.kind === 'run' && on.config.workloads).toBe(true);
    const off = parseCli(['audit', '--no-workloads', '--audit-namespace', 'a', '--audit-namespace', 'b'], '/');
    expect(off.kind === 'run' && off.config.workloads).toBe(false);
    expect(off.kind === 'run' && off.config.auditNamespaces).toEqual(['a', 'b']);
  });
});
