// Builds the Config from the action's inputs. Pure apart from reading the settings file: the input reader is injected
// (core.getInput in the action, a map in tests). Every input is an option of options.ts; an empty input means "not
// given", so `.aks-pull-gate.yaml` and then the table's default decide.

import path from 'node:path';
import { ConfigurationError, type Config } from './config.js';
import { loadSettingsFile } from './config-file.js';
import { OPTION_LIST } from './options.js';
import { resolveSettings, type GitHubSettings, type Layer } from './resolve.js';

export type InputReader = (name: string) => string;

export interface ActionSettings extends GitHubSettings {
  config: Config;
  /** Where the JSON report is written (the `report` output). */
  reportFile: string;
}

export { parseBoolean } from './config.js';

/** The inputs that were given (non-empty), parsed by the table. */
export function readActionInputs(input: InputReader): Layer {
  const layer: Layer = new Map();
  for (const spec of OPTION_LIST) {
    if (spec.cliOnly) continue;
    const raw = input(spec.name) ?? '';
    if (raw.trim() === '') continue;
    const value = spec.multiple ? spec.parse(raw) : spec.parse(raw.trim());
    if (spec.multiple && Array.isArray(value) && value.length === 0) continue;
    layer.set(spec.name, { value, where: `input ${spec.name}` });
  }
  return layer;
}

export function readActionSettings(input: InputReader, env: NodeJS.ProcessEnv): ActionSettings {
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const explicit = readActionInputs(input);
  const file = loadSettingsFile(explicit.get('config')?.value as string | undefined, cwd);
  const { config, github } = resolveSettings(explicit, {
    cwd,
    ...(file ? { file } : {}),
    resolvePaths: true,
    ...(env.GITHUB_TOKEN ? { fallbackToken: env.GITHUB_TOKEN } : {}),
  });
  config.format = 'json';
  if (config.mode === 'check' && config.manifests.length === 0) {
    throw new ConfigurationError('manifests is required in check mode: one file, directory or glob per line');
  }
  const tempDir = env.RUNNER_TEMP || cwd;
  return { config, ...github, reportFile: path.join(tempDir, 'aks-pull-gate-report.json') };
}
