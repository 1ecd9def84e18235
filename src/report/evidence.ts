// What of a finding's `evidence` may be shown to people. Evidence is collected for the checks and can hold
// credential material (a decoded pull secret, a token), so renderers never print it verbatim: only keys on this
// allow list (nested records too), and never a value whose key or shape looks like a secret.

/** Evidence keys renderers may show. Checks that want a detail displayed use one of these. */
export const SAFE_EVIDENCE_KEYS: readonly string[] = [
  'actual',
  'appId',
  'assignment',
  'assignments',
  'availablePlatforms',
  'blocksAllPaths',
  'clusterId',
  'clusterTenantId',
  'conditions',
  'connection',
  'controlPlaneAssignments',
  'daysLeft',
  'defaultAction',
  'digest',
  'displayName',
  'dnsServers',
  'effect',
  'egressIps',
  'endDateTime',
  'expected',
  'expires',
  'httpStatus',
  'identity',
  'ipRules',
  'keyId',
  'nearestTags',
  'nodeVnet',
  'objectId',
  'offered',
  'outboundType',
  'path',
  'pathsTried',
  'permission',
  'principalId',
  'principalObjectId',
  'privateEndpoint',
  'publicNetworkAccess',
  'quarantineState',
  'reach',
  'readEnabled',
  'reason',
  'reasons',
  'record',
  'registryId',
  'registryTenantId',
  'repository',
  'required',
  'requiredPlatforms',
  'role',
  'roleAssignmentMode',
  'scope',
  'secretName',
  'state',
  'status',
  'tagReadEnabled',
  'tokenName',
  'usedBy',
  'username',
  'vnet',
  'what',
  'zone',
  'zones',
];

const SAFE = new Set(SAFE_EVIDENCE_KEYS);
// Belt and braces: even an allowed key is dropped when its name says secret (a future 'tokenPassword' must not
// slip through because someone added it to the list above).
const SECRET_KEY = /pass(word)?|secret|token|credential|auth|dockerconfig|dockercfg|key|hint|bearer|cookie/i;
const MAX_VALUE_CHARS = 300;

export type SafeEvidenceValue =
  string | number | boolean | null | SafeEvidenceValue[] | { [key: string]: SafeEvidenceValue };

const MAX_DEPTH = 3;

/** A JWT, or a long opaque word of mixed case and digits without a slash (passwords, keys), is never shown. */
function looksSecret(value: string): boolean {
  if (/eyJ[\w-]{8,}\.[\w-]{8,}/.test(value)) return true;
  return value
    .split(/[\s,;]+/)
    .some(
      (w) => w.length >= 32 && /^[A-Za-z0-9+=_~.-]+$/.test(w) && /[a-z]/.test(w) && /[A-Z]/.test(w) && /\d/.test(w),
    );
}

function safeScalar(v: unknown): string | number | boolean | null | undefined {
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v !== 'string' || looksSecret(v)) return undefined;
  return v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v;
}

function keyAllowed(key: string): boolean {
  // Names and ids of secrets (secretName, tokenName, keyId) are not secret themselves.
  return SAFE.has(key) && !(SECRET_KEY.test(key) && !/(Name|Id)$/.test(key));
}

function safeValue(v: unknown, depth: number): SafeEvidenceValue | undefined {
  if (Array.isArray(v)) {
    if (depth >= MAX_DEPTH) return undefined;
    const items = v.map((i) => safeValue(i, depth + 1)).filter((i) => i !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof v === 'object' && v !== null) {
    if (depth >= MAX_DEPTH) return undefined;
    const out: { [key: string]: SafeEvidenceValue } = {};
    for (const key of Object.keys(v).sort()) {
      if (!keyAllowed(key)) continue;
      const s = safeValue((v as Record<string, unknown>)[key], depth + 1);
      if (s !== undefined) out[key] = s;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return safeScalar(v);
}

/**
 * The displayable part of an evidence object, keys sorted, nested objects kept to the same allow list (a few
 * levels deep); undefined when nothing is displayable.
 */
export function safeEvidence(
  evidence: Record<string, unknown> | undefined,
): Record<string, SafeEvidenceValue> | undefined {
  if (!evidence) return undefined;
  const v = safeValue(evidence, 0);
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

const isScalar = (v: SafeEvidenceValue): v is string | number | boolean | null => v === null || typeof v !== 'object';

/** One line such as `nearestTags: v1.4.1, v1.4.0; requiredPlatforms: linux/arm64`, or '' when nothing is safe. */
export function evidenceLine(evidence: Record<string, unknown> | undefined): string {
  const safe = safeEvidence(evidence);
  if (!safe) return '';
  // People read one line: plain values and lists of plain values; nested records stay in the JSON/SARIF reports.
  return Object.entries(safe)
    .filter(([, v]) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join('; ');
}
