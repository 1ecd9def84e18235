// The test projects of vitest.config.ts: every test file of the repository belongs to exactly one, so `npx vitest run`
// (what `npm test` runs) runs every test and `npm run test:unit` runs the unit tests only.
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { PROJECTS } from '../../vitest.config.js';

describe('vitest projects', () => {
  it('every test file is in exactly one project', async () => {
    const all = (await glob(['test/**/*.test.ts'], { ignore: ['**/node_modules/**'] })).sort();
    const byProject = await Promise.all(Object.values(PROJECTS).map((include) => glob([...include])));
    const counts = new Map<string, number>();
    for (const files of byProject) for (const f of files) counts.set(f, (counts.get(f) ?? 0) + 1);
    expect(all.filter((f) => counts.get(f) !== 1)).toEqual([]);
    expect(all.length).toBeGreaterThan(80);
  });

  it('unit tests sit beside their subject: test/unit/<src path>.test.ts names a file of src/ (or scripts/, or the repo root)', async () => {
    const unit = await glob([...PROJECTS.unit]);
    const subjects = new Set([
      ...(await glob(['src/**/*.ts'])).map((f) => f.replace(/^src\//, '').replace(/\.ts$/, '')),
      ...(await glob(['scripts/*.mjs'])).map((f) => f.replace(/\.mjs$/, '')),
      'vitest.config',
    ]);
    const orphans = unit.filter((f) => {
      const subject = f.replace(/^test\/unit\//, '').replace(/\.test\.ts$/, '');
      // `<subject>.<aspect>` (image-reference.property, cluster-objects.exec) tests one aspect of <subject>.
      const parts = subject.split('.');
      return !parts.some((_, i) => subjects.has(parts.slice(0, i + 1).join('.')));
    });
    expect(orphans).toEqual([]);
  });
});
