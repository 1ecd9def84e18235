#!/usr/bin/env node
// CLI entry point. Checks the Node version before loading anything (the bundled HTTP stack needs Node >= 24.5 and
// would otherwise fail with an obscure error at load time), then hands argv to main().

import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 24 || (major === 24 && minor < 5)) {
  process.stderr.write(
    `aks-pull-gate: Node ${process.versions.node} is too old; it needs Node 24.5 or newer (run it through npm run gate, or install Node 24)\n`,
  );
  process.exit(2);
}

// V8's compile cache (in os.tmpdir(), node-compile-cache/): a run after the first compiles none of the bundle's chunks
// again (about 30 ms of a 0.35 s offline run on the benchmark's manifests, measured). NODE_DISABLE_COMPILE_CACHE=1
// turns it off. The action does not: a hosted runner starts each job with an empty temp directory.
module.enableCompileCache();

const { main } = await import('./cli-main.js');
process.exitCode = await main(process.argv.slice(2)).catch(() => 2);
