// CLI: argv -> Config -> gate -> rendered report -> exit code. A ConfigurationError is one line on stderr and
// exit 2; anything else unexpected is also one line (the stack only with AKS_PULL_GATE_DEBUG=1).

import { writeFile } from 'node:fs/promises';
import { ConfigurationError } from './settings/config.js';
import { parseCli, USAGE } from './settings/from-cli.js';
import { renderReport } from './report/render.js';
import { VERSION } from './version.js';
import type { Logger } from './types/index.js';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function main(argv: string[]): Promise<number> {
  const debug = process.env.AKS_PULL_GATE_DEBUG === '1';
  try {
    // `simulate serve` is its own subcommand, dispatched before the gate's flags are parsed.
    if (argv[0] === 'simulate' && argv[1] === 'serve') {
      const { runServe } = await import('./simulate/serve.js');
      return await runServe(argv.slice(2));
    }
    const cmd = parseCli(argv, process.cwd());
    if (cmd.kind === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (cmd.kind === 'version') {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    const { config } = cmd;
    const tty = !!process.stderr.isTTY;
    const logger: Logger = {
      debug: (m) => debug && process.stderr.write(`debug: ${m}\n`),
      info: (m) => (debug || tty) && process.stderr.write(`${m}\n`),
      warning: (m) => process.stderr.write(`warning: ${m}\n`),
    };
    // The gate (Azure SDKs, HTTP stack) loads only for a real run: --help, --version and usage errors stay instant.
    const { runGate } = await import('./gate.js');
    const { report, exitCode } = await runGate(config, {
      logger,
      // The CLI prints nothing a secret could reach; masking is the action's concern.
      maskSecret: () => undefined,
      readStdin,
      env: process.env,
      phase: (name) => tty && process.stderr.write(`… ${name}\n`),
    });
    const color = !!process.stdout.isTTY && !process.env.NO_COLOR && !config.output;
    const out = renderReport(report, config.format, { color, version: VERSION });
    if (config.output) await writeFile(config.output, out);
    else process.stdout.write(out.endsWith('\n') ? out : out + '\n');
    if (config.sarifFile)
      await writeFile(config.sarifFile, renderReport(report, 'sarif', { color: false, version: VERSION }));
    return exitCode;
  } catch (err) {
    if (err instanceof ConfigurationError) {
      process.stderr.write(`aks-pull-gate: ${err.message}\n`);
      return 2;
    }
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    process.stderr.write(`aks-pull-gate: unexpected error: ${msg}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
    return 2;
  }
}
