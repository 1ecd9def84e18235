#!/usr/bin/env node
// CLI entry point: only calls main() and hands its result to the process.
import { main } from './cli-main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
