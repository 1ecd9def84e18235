// What of a finding's `evidence` may be shown to people. Evidence is collected for the checks and can hold
// credential material (a decoded pull secret, a token), so renderers never print it verbatim: only keys on this
// allow list, only plain values, and never a value whose key or shape looks like a secret.

/** Evidence keys renderers may show. Checks that want a detail displayed use one of these. */
export const SAFE_EVIDENCE_KEYS: readonly string[] = [
  'availablePlatforms',
  'clusterId',
  'daysLeft',
  'defaultAction',
  'egressIps',
  'expires',
  'httpStatus',
  'identity',
  'ipRules',
  'nearestTags',
  'objectId',
  'pathsTried',
  'permission',
  'principalId',
  'privateEndpoint',
  'publicNetworkAccess',
  'reason',
  'record',
  'registryId',
  'repository',
  'requiredPlatforms',
  'roleAssignmentMode',
  'scope',
  'secretName',
  'state',
  'status',
  'tokenName',
  'username',
  'vnet',
  'zone',
];

const SAFE = new Set(SAFE_EVIDENCE_KEYS);
// Belt and braces: even an allowed key is dropped when its name says secret (a future 'tokenPassword' must not
// slip through because someone added it to the list above).
const SECRET_KEY = /pass(word)?|secret|token|credential|auth|dockerconfig|dockercfg|key|hint|bearer|cookie/i;
const MAX_VALUE_CHARS = 300;

export type SafeEvidenceValue = string | number | boolean | (string | number | boolean)[];

/** A JWT, or a long opaque word of mixed case and digits without a slash (passwords, keys), is never shown. */
function looksSecret(value: string): boolean {
  if (/eyJ[\w-]{8,}\.[\w-]{8,}/.test(value)) return true;
  return value
    .split(/[\s,;]+/)
    .some(
      (w) => w.length >= 32 && /^[A-Za-z0-9+=_~.-]+$/.test(w) && /[a-z]/.test(w) && /[A-Z]/.test(w) && /\d/.test(w),
    );
}

function safeScalar(v: unknown): string | number | boolean | undefined {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v !== 'string' || looksSecret(v)) return undefined;
  return v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v;
}

/** The displayable part of an evidence object, keys sorted; undefined when nothing is displayable. */
export function safeEvidence(
  evidence: Record<string, unknown> | undefined,
): Record<string, SafeEvidenceValue> | undefined {
  if (!evidence) return undefined;
  const out: Record<string, SafeEvidenceValue> = {};
  for (const key of Object.keys(evidence).sort()) {
    // Names and ids of secrets (secretName, tokenName) are not secret themselves.
    if (!SAFE.has(key) || (SECRET_KEY.test(key) && !/(Name|Id)$/.test(key))) continue;
    const v = evidence[key];
    if (Array.isArray(v)) {
      const items = v.map(safeScalar);
      if (items.length > 0 && items.every((i) => i !== undefined)) out[key] = items as (string | number | boolean)[];
    } else {
      const s = safeScalar(v);
      if (s !== undefined) out[key] = s;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** One line such as `nearestTags: v1.4.1, v1.4.0; requiredPlatforms: linux/arm64`, or '' when nothing is safe. */
export function evidenceLine(evidence: Record<string, unknown> | undefined): string {
  const safe = safeEvidence(evidence);
  if (!safe) return '';
  return Object.entries(safe)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join('; ');
}
