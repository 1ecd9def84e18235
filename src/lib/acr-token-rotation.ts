// The fix for a scoped token whose passwords run out: generate the new password in the slot the pull secret does not
// use (a token has two, password1 and password2), rewrite the pull secret with it, and only then delete the old
// password. Regenerating the password in use breaks every pull with 401 until the secret is rewritten.

export interface TokenPasswordSlot {
  name: string;
  expiry?: string;
}

const SLOTS = ['password1', 'password2'] as const;

/**
 * `az acr token credential generate` for the free slot (or, with both taken, the one that expires first, which the
 * pull secret should not be holding), then `updateSecret`, then the delete of the old password.
 */
export function tokenRotationCommands(
  tokenName: string,
  registry: string,
  passwords: readonly TokenPasswordSlot[],
  updateSecret: string,
): string {
  const used = new Set(passwords.map((p) => p.name.toLowerCase()));
  const free = SLOTS.find((s) => !used.has(s));
  const byExpiry = [...passwords]
    .filter((p) => SLOTS.includes(p.name.toLowerCase() as (typeof SLOTS)[number]))
    .sort((a, b) => Date.parse(a.expiry ?? '9999-12-31') - Date.parse(b.expiry ?? '9999-12-31'));
  const target = free ?? byExpiry[0]?.name.toLowerCase() ?? 'password2';
  const old = free
    ? (byExpiry[0]?.name.toLowerCase() ?? (target === 'password1' ? 'password2' : 'password1'))
    : undefined;
  const lines = [
    `az acr token credential generate --name ${tokenName} --registry ${registry} --${target}` +
      (free ? '' : ` (both slots are taken: regenerate the one the pull secret does not hold)`),
    `${updateSecret} (update the pull secret with the new password before deleting the old one)`,
  ];
  if (old) lines.push(`az acr token credential delete --name ${tokenName} --registry ${registry} --${old}`);
  return lines.join('\n');
}
