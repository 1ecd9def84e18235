// The verdict line never claims "every image can be pulled" for images nobody checked.
import { describe, expect, it } from 'vitest';
import { verdictWords } from '../../../src/report/common.js';
import type { AuditCredential, Report, ReportImage } from '../../../src/types/index.js';

const report = (statuses: ReportImage['status'][], ready = true): Report => ({
  version: 1,
  ready,
  verified: true,
  mode: 'check',
  summary: { images: statuses.length, errors: ready ? 0 : 1, warnings: 0, notices: 0 },
  images: statuses.map((status, i) => ({
    reference: `r.example/app:${i}`,
    registry: 'r.example',
    status,
    locations: [],
  })),
  findings: [],
});

describe('verdictWords', () => {
  it('says every image can be pulled only when every image was checked and is ok', () => {
    expect(verdictWords(report(['ok', 'ok']))).toBe(
      'Ready: every image can be pulled (2 images; 0 errors, 0 warnings, 0 notices)',
    );
  });

  it('says what was not checked or not verified on a ready offline run', () => {
    expect(verdictWords(report(['unchecked', 'ok', 'unverifiable']))).toBe(
      'Ready: nothing blocks the rollout (3 images, 1 not checked against a registry, 1 could not be verified; 0 errors, 0 warnings, 0 notices)',
    );
  });

  it('says not ready with the counts', () => {
    expect(verdictWords(report(['not-found'], false))).toBe('Not ready: 1 error, 0 warnings, 0 notices across 1 image');
  });

  it('speaks of credentials, not images, in audit mode', () => {
    const audit: Report = { ...report([]), mode: 'audit', credentials: [] };
    expect(verdictWords(audit)).toBe(
      'Audit passed: 0 credentials, none expired, disabled or expiring (0 errors, 0 warnings, 0 notices)',
    );
    const expired: AuditCredential = { kind: 'acr-token', name: 'ci-pull', usedBy: [], status: 'expired' };
    expect(
      verdictWords({ ...audit, ready: false, credentials: [expired], summary: { ...audit.summary, errors: 1 } }),
    ).toBe('Audit needs attention: 1 credential, 1 expired (1 error, 0 warnings, 0 notices)');
  });
});
