// Four projects, one run: `npx vitest run` (and `npm test`) runs every one; `npm run test:unit` only the unit tests
// (test/unit/<src path>.test.ts, no emulator, no processes), `npm run test:integration` the rest. A unit test
// (test/unit/vitest.config.test.ts) fails when a test file falls outside every project.
import { defineConfig } from 'vitest/config';

export const PROJECTS = {
  unit: ['test/unit/**/*.test.ts'],
  integration: ['test/integration/**/*.test.ts'],
  reliability: ['test/reliability/**/*.test.ts'],
  rules: ['test/rules/**/*.test.ts'],
} as const;

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: Object.entries(PROJECTS).map(([name, include]) => ({
      extends: true,
      test: { name, include: [...include] },
    })),
  },
});
