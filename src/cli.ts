#!/usr/bin/env node
// CLI entry point. Checks the Node version before loading anything (the bundled HTTP stack needs Node >= 24.5 and
// would otherwise fail with an obscure error at load time), then hands argv to main().

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 24 || (major === 24 && minor < 5)) {
  process.stderr.write(
    `aks-pull-gate: Node ${process.versions.node} is too old; it needs Node 24.5 or newer (run it through npm run gate, or install Node 24)\n`,
  );
  process.exit(2);
}

const { main } = await import('./cli-main.js');
process.exitCode = await main(process.argv.slice(2)).catch(() => 2);
