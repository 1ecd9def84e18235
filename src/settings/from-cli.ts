// Parses the CLI's argv into a Config, flag by flag from the options table (every action input is a flag of the same
// name), and prints the help from the same table. Booleans take --x, --no-x, --x=false and --x false. A single-valued
// flag given twice, or two flags that name the cluster two ways, is exit 2 naming both. No I/O but the settings file.

import { ConfigurationError, parseBoolean, type Config } from './config.js';
import { loadSettingsFile } from './config-file.js';
import { OPTION_LIST, OPTIONS, defaultText, type OptionName, type OptionSpec } from './options.js';
import { resolveSettings, type GitHubSettings, type Layer } from './resolve.js';

export interface DiagnoseTargetArgs {
  pod?: { namespace: string; name: string };
  namespace?: string;
  selector?: string;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; config: Config; github: GitHubSettings }
  | { kind: 'diagnose'; config: Config; target: DiagnoseTargetArgs };

const HELP_WIDTH = 112;
const FLAG_COLUMN = 34;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function helpEntry(spec: OptionSpec<unknown> & { name: string }): string {
  const flag = spec.kind === 'boolean' ? `  --[no-]${spec.name}` : `  --${spec.name} <${spec.arg ?? 'value'}>`;
  const extras: string[] = [];
  const d = defaultText(spec);
  if (d) extras.push(`Default: ${d}.`);
  if (spec.multiple) extras.push('Repeatable.');
  if (spec.aliases?.length) extras.push(`Also ${spec.aliases.map((a) => `--${a}`).join(', ')}.`);
  if (spec.cliOnly) extras.push('CLI only.');
  const text = [spec.description, ...extras].join(' ');
  const body = wrap(text, HELP_WIDTH - FLAG_COLUMN);
  const first =
    flag.length < FLAG_COLUMN ? flag.padEnd(FLAG_COLUMN) + body[0] : `${flag}\n${' '.repeat(FLAG_COLUMN)}${body[0]}`;
  return [first, ...body.slice(1).map((l) => ' '.repeat(FLAG_COLUMN) + l)].join('\n');
}

/** The CLI help, printed from the options table. */
export function usage(): string {
  const general = OPTION_LIST.filter((s) => !s.githubOnly);
  const github = OPTION_LIST.filter((s) => s.githubOnly);
  return [
    'aks-pull-gate — will every pod in these manifests be able to pull its images on this AKS cluster?',
    '',
    'Usage:',
    '  aks-pull-gate check --manifests <path|dir|glob|-> [...] [options]',
    '  aks-pull-gate audit [--cluster <id>] [--registries <id> ...] [options]',
    '  aks-pull-gate diagnose --pod <namespace>/<name> | --namespace <ns> [--selector k=v] [options]',
    '',
    'Options (each is an action input of the same name unless CLI only; .aks-pull-gate.yaml can set all but',
    'config, github-token and the CLI-only ones):',
    ...general.map(helpEntry),
    '',
    'GitHub only (they act when the CLI runs inside a GitHub Actions job):',
    ...github.map(helpEntry),
    '',
    '  -h, --help                      show this help',
    '  -v, --version                   show the version',
    '      --debug                     phase timings and one line per HTTP request on stderr (AKS_PULL_GATE_DEBUG=1)',
    '',
    'Booleans take --x, --no-x or --x=false. A flag wins over .aks-pull-gate.yaml, which wins over the default.',
    'Exit codes: 0 ready, 1 findings at or above --fail-on, 2 usage or configuration error.',
    'diagnose: 0 every failing pod has a named cause, 1 no pod is failing to pull or a cause was not found, 2 usage.',
  ].join('\n');
}

const BY_FLAG = new Map<string, OptionSpec<unknown> & { name: OptionName }>();
for (const spec of OPTION_LIST) {
  BY_FLAG.set(spec.name, spec);
  for (const alias of spec.aliases ?? []) BY_FLAG.set(alias, spec);
}

interface Occurrence {
  flag: string;
  raw: string;
}

/** argv -> flag occurrences per option, and positionals. Only the shape: values are parsed afterwards. */
function tokenize(argv: string[]): { occurrences: Map<OptionName, Occurrence[]>; positionals: string[] } {
  const occurrences = new Map<OptionName, Occurrence[]>();
  const positionals: string[] = [];
  const add = (name: OptionName, o: Occurrence) => occurrences.set(name, [...(occurrences.get(name) ?? []), o]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    if (!a.startsWith('--')) throw new ConfigurationError(`unknown option ${a} (see aks-pull-gate --help)`);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : a.slice(eq + 1);
    let spec = BY_FLAG.get(name);
    let negated = false;
    if (!spec && name.startsWith('no-')) {
      const base = BY_FLAG.get(name.slice(3));
      if (base?.kind === 'boolean') {
        spec = base;
        negated = true;
      }
    }
    if (!spec) throw new ConfigurationError(`unknown option --${name} (see aks-pull-gate --help)`);
    const flag = `--${name}`;
    if (spec.kind === 'boolean') {
      if (negated) {
        if (inline !== undefined) throw new ConfigurationError(`${flag} takes no value (use --${spec.name}=${inline})`);
        add(spec.name, { flag, raw: 'false' });
      } else if (inline !== undefined) add(spec.name, { flag, raw: inline });
      else if (/^(true|false)$/i.test(argv[i + 1] ?? '')) add(spec.name, { flag, raw: argv[++i] });
      else add(spec.name, { flag, raw: 'true' });
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new ConfigurationError(`${flag} needs a value: --${spec.name} <${spec.arg ?? 'value'}>`);
      }
      raw = next;
      i++;
    }
    add(spec.name, { flag, raw });
  }
  return { occurrences, positionals };
}

/** Parses each flag by the table; a single-valued option given twice is exit 2 naming both. */
function explicitLayer(occurrences: Map<OptionName, Occurrence[]>): Layer {
  const layer: Layer = new Map();
  for (const [name, list] of occurrences) {
    const spec = OPTIONS[name] as OptionSpec<unknown>;
    if (!spec.multiple && list.length > 1) {
      const secret = name === 'github-token';
      const shown = list.map((o) => (secret || spec.kind === 'boolean' ? o.flag : `${o.flag} ${o.raw}`));
      throw new ConfigurationError(`${shown[0]} and ${shown[1]} conflict: give --${name} once`);
    }
    const parseOne = (o: Occurrence): unknown => {
      if (spec.kind === 'boolean') return parseBoolean(`--${name}`, o.raw);
      return spec.parse(o.raw);
    };
    const value = spec.multiple ? list.flatMap((o) => parseOne(o) as unknown[]) : parseOne(list[0]);
    layer.set(name, { value, where: list[0].flag });
  }
  return layer;
}

export function parseCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliCommand {
  const stop = argv.indexOf('--');
  const flags = stop < 0 ? argv : argv.slice(0, stop);
  if (flags.includes('-h') || flags.includes('--help')) return { kind: 'help' };
  if (flags.includes('-v') || flags.includes('--version')) return { kind: 'version' };
  const { occurrences, positionals } = tokenize(argv);
  const explicit = explicitLayer(occurrences);

  // The command is the first positional; --mode may name it instead. Both given and different: a conflict.
  let command: 'check' | 'audit';
  let rest = positionals;
  const modeFlag = explicit.get('mode');
  if (positionals[0] === 'diagnose') {
    if (rest.length > 1) throw new ConfigurationError(`diagnose takes no positional arguments (got "${rest[1]}")`);
    const target = diagnoseTarget(explicit);
    explicit.delete('pod');
    explicit.delete('selector');
    // diagnose checks the pod's images as the gate would; --format is its own text, json or markdown.
    const format = explicit.get('format');
    explicit.delete('format');
    explicit.set('mode', { value: 'check', where: 'diagnose' });
    const file = loadSettingsFile(explicit.get('config')?.value as string | undefined, cwd);
    const { config } = resolveSettings(explicit, { cwd, ...(file ? { file } : {}), resolvePaths: false });
    if (format) config.format = format.value as Config['format'];
    return { kind: 'diagnose', config, target };
  }
  if (explicit.has('pod') || explicit.has('selector')) {
    throw new ConfigurationError('--pod and --selector belong to diagnose (see aks-pull-gate --help)');
  }
  if (positionals[0] === 'check' || positionals[0] === 'audit') {
    command = positionals[0];
    rest = positionals.slice(1);
    if (modeFlag && modeFlag.value !== command) {
      throw new ConfigurationError(`the command ${command} and --mode ${String(modeFlag.value)} conflict: give one`);
    }
  } else if (modeFlag) {
    command = modeFlag.value as 'check' | 'audit';
  } else if (positionals.length === 0) {
    throw new ConfigurationError('a command is required: check, audit or diagnose (see aks-pull-gate --help)');
  } else {
    throw new ConfigurationError(
      `unknown command "${positionals[0]}": use check, audit or diagnose (see aks-pull-gate --help)`,
    );
  }
  explicit.set('mode', { value: command, where: modeFlag?.where ?? command });
  if (command === 'audit' && rest.length > 0)
    throw new ConfigurationError(`audit takes no positional arguments (got "${rest[0]}")`);
  // Positional paths after `check` are manifests too: `aks-pull-gate check k8s/`.
  if (rest.length > 0) {
    const flagged = (explicit.get('manifests')?.value as string[] | undefined) ?? [];
    explicit.set('manifests', { value: [...flagged, ...rest], where: explicit.get('manifests')?.where ?? rest[0] });
  }

  const file = loadSettingsFile(explicit.get('config')?.value as string | undefined, cwd);
  const { config, github } = resolveSettings(explicit, {
    cwd,
    ...(file ? { file } : {}),
    resolvePaths: false,
    ...(env.GITHUB_TOKEN ? { fallbackToken: env.GITHUB_TOKEN } : {}),
  });
  if (config.mode === 'check' && config.manifests.length === 0) {
    throw new ConfigurationError('check needs --manifests <path|dir|glob|-> (see aks-pull-gate --help)');
  }
  return { kind: 'run', config, github };
}

/** diagnose's target: one pod (--pod ns/name), or the failing pods of a namespace (--namespace, --selector). */
function diagnoseTarget(explicit: Layer): DiagnoseTargetArgs {
  const pod = explicit.get('pod')?.value as string | undefined;
  const selector = explicit.get('selector')?.value as string | undefined;
  const namespace = explicit.get('namespace')?.value as string | undefined;
  const format = explicit.get('format')?.value as string | undefined;
  if (format !== undefined && !['text', 'json', 'markdown'].includes(format)) {
    throw new ConfigurationError(`diagnose --format must be one of text, json, markdown (got "${format}")`);
  }
  if (pod !== undefined) {
    const m = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/.exec(pod.trim());
    if (!m) throw new ConfigurationError(`--pod must be <namespace>/<name> (got "${pod}")`);
    if (selector !== undefined) throw new ConfigurationError('--selector goes with --namespace, not --pod');
    return { pod: { namespace: m[1], name: m[3] } };
  }
  if (!namespace?.trim()) {
    throw new ConfigurationError(
      'diagnose needs --pod <namespace>/<name> or --namespace <ns> (see aks-pull-gate --help)',
    );
  }
  if (selector !== undefined && !/^[\w./-]+(=|==|!=)[\w.-]*(,[\w./-]+(=|==|!=)[\w.-]*)*$/.test(selector.trim())) {
    throw new ConfigurationError(`--selector must be key=value[,key=value] (got "${selector}")`);
  }
  return { namespace: namespace.trim(), ...(selector ? { selector: selector.trim() } : {}) };
}
