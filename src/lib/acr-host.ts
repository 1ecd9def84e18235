// The one answer to "is this host an Azure Container Registry?", for every stage (registry client, identity and image
// checks, report columns). ACR hosts come in three kinds (Microsoft Learn, "container-registry-geo-replication" and
// "container-registry-dedicated-data-endpoints"):
//   login server       <registry>.azurecr.io (sovereign: .azurecr.us, .azurecr.cn)
//   regional endpoint  <registry>.<region>.geo.azurecr.io  (geo-replicated registries)
//   data endpoint      <registry>.<region>.data.azurecr.io (dedicated data endpoints: where layer blobs come from)
// `acrHostKind` is the hook that tells them apart; today every kind is treated as the registry itself (what the
// predicates this replaces did, all matching by suffix). Pure: imports nothing.

/** ACR login-server suffixes of the public and sovereign clouds. */
export const ACR_SUFFIXES: readonly string[] = ['.azurecr.io', '.azurecr.cn', '.azurecr.us'];

export type AcrHostKind = 'login-server' | 'regional-endpoint' | 'data-endpoint';

/** The host without a `:port` (a bracketed IPv6 literal keeps its brackets and is never an ACR anyway), lower-cased. */
function bareHost(host: string): string {
  const colon = host.lastIndexOf(':');
  let isPort = colon !== -1 && colon < host.length - 1;
  for (let i = colon + 1; isPort && i < host.length; i++) {
    const c = host.charCodeAt(i);
    isPort = c >= 48 && c <= 57;
  }
  return (isPort ? host.slice(0, colon) : host).toLowerCase();
}

/** The matching suffix (dotted, lower case) of an ACR host, or undefined. */
function acrSuffixOf(bare: string, suffixes: readonly string[]): string | undefined {
  for (const suffix of suffixes) {
    const s = suffix.toLowerCase();
    const dotted = s.startsWith('.') ? s : `.${s}`;
    if (dotted.length > 1 && bare.length > dotted.length && bare.endsWith(dotted)) return dotted;
  }
  return undefined;
}

/**
 * Which kind of ACR host `host` is (port allowed, case-insensitive, as DNS is), or undefined when it is no ACR host.
 * The suffix alone (`azurecr.io`) is not a registry.
 */
export function acrHostKind(host: string, suffixes: readonly string[] = ACR_SUFFIXES): AcrHostKind | undefined {
  const bare = bareHost(host);
  const suffix = acrSuffixOf(bare, suffixes);
  if (!suffix) return undefined;
  const labels = bare.slice(0, bare.length - suffix.length).split('.');
  if (labels.length === 3 && labels[2] === 'geo') return 'regional-endpoint';
  if (labels.length === 3 && labels[2] === 'data') return 'data-endpoint';
  return 'login-server';
}

/** Is `host` (an image's registry, port allowed) an ACR host of any kind under one of `suffixes`? */
export function isAcrHost(host: string, suffixes: readonly string[] = ACR_SUFFIXES): boolean {
  return acrHostKind(host, suffixes) !== undefined;
}

/** The registry's name as `az acr` wants it: `prodacr` for `prodacr.azurecr.io`. */
export function acrName(registry: string): string {
  return registry.toLowerCase().split('.')[0] ?? registry;
}

const ACR_HOST_IN_TEXT = new RegExp(
  `(?<![a-z0-9.-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*(?:${ACR_SUFFIXES.map((s) => s.replace(/\./g, '\\.')).join('|')})(?![a-z0-9-]|\\.[a-z0-9])`,
  'i',
);

/**
 * The first ACR host of the public and sovereign clouds written anywhere in `text` (lower case), or undefined: a hint
 * read before the text is parsed, so it may come from a comment. The inventory, not this, says what is pulled.
 */
export function acrHostIn(text: string): string | undefined {
  // The plain search first: most manifests name no ACR (over the benchmark's 1.3 MB it takes 0.4 ms, the pattern 9 ms).
  if (!/azurecr\./i.test(text)) return undefined;
  return ACR_HOST_IN_TEXT.exec(text)?.[0].toLowerCase();
}
