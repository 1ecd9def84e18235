// Bad input gets a clear manifest-invalid finding (or a notice), or a one-line configuration error: never a stack
// trace, a hang, or unbounded memory.
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../../src/inventory/inventory.js';
import { ConfigurationError } from '../../../src/settings/config.js';
import { inventoryFromFiles, inventoryOf } from '../../helpers/temp-manifests.js';

const only = (inv: {
  findings: { rule: string; severity: string; message: string; location?: { line: number } }[];
}) => {
  expect(inv.findings).toHaveLength(1);
  return inv.findings[0];
};

describe('bad input', () => {
  it('reports a YAML syntax error with its line', async () => {
    const f = only(await inventoryOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\nspec: {}\n'));
    expect(f).toMatchObject({ rule: 'manifest-invalid', severity: 'error' });
    expect(f.location?.line).toBeGreaterThanOrEqual(4);
    expect(f.message).toMatch(/^m\.yaml:\d+:\d+: /);
  });

  it('reports tab indentation as manifest-invalid with the line', async () => {
    const f = only(await inventoryOf('apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n'));
    expect(f.rule).toBe('manifest-invalid');
    expect(f.location?.line).toBe(4);
    expect(f.message).toMatch(/tab/i);
  });

  it('reports a binary file', async () => {
    const f = only(await inventoryFromFiles({ 'x.yaml': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]) }));
    expect(f.rule).toBe('manifest-invalid');
    expect(f.message).toMatch(/binary/);
  });

  it('reports invalid UTF-8 with the line', async () => {
    const f = only(
      await inventoryFromFiles({
        'x.yaml': Buffer.concat([Buffer.from('a: 1\nb: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
      }),
    );
    expect(f).toMatchObject({ rule: 'manifest-invalid', location: { line: 2 } });
    expect(f.message).toMatch(/UTF-8/);
  });

  it('refuses a 50 MB file over the size limit without reading it whole', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    const before = process.memoryUsage().rss;
    const f = only(await inventoryFromFiles({ 'big.yaml': big }));
    expect(f.rule).toBe('manifest-invalid');
    expect(f.message).toMatch(/50\.0 MB, over the 20\.0 MB limit/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('stops an alias bomb (billion laughs) with a finding', async () => {
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(',')}]`,
      );
    lines.push('kind: Pod', 'apiVersion: v1', 'spec: *a9');
    const started = Date.now();
    const f = only(await inventoryOf(lines.join('\n') + '\n'));
    expect(f.rule).toBe('manifest-invalid');
    expect(f.message).toMatch(/alias/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('reports deeply nested documents instead of overflowing the stack', async () => {
    const deep = 'a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    const f = only(await inventoryOf(deep));
    expect(f.rule).toBe('manifest-invalid');
    expect(f.message).toMatch(/nesting|deep|stack|parsed/i);
  });

  it('gives a notice for non-Kubernetes YAML and for an empty file, and no error', async () => {
    expect(only(await inventoryOf('name: my-app\nversion: 1.2.3\n'))).toMatchObject({
      rule: 'no-workloads',
      severity: 'notice',
    });
    expect(only(await inventoryOf(''))).toMatchObject({ rule: 'manifest-empty', severity: 'notice' });
    expect(only(await inventoryOf('---\n# only a comment\n---\n'))).toMatchObject({
      rule: 'manifest-empty',
      severity: 'notice',
    });
  });

  it('handles CRLF line endings and a BOM', async () => {
    const inv = await inventoryOf(
      '\ufeffapiVersion: v1\r\nkind: Pod\r\nmetadata: {name: p}\r\nspec:\r\n  containers:\r\n    - name: a\r\n      image: nginx:1.27\r\n',
    );
    expect(inv.findings).toEqual([]);
    expect(inv.uses[0]).toMatchObject({ image: 'nginx:1.27', location: { line: 7, column: 14 } });
  });

  it('rejects a path that does not exist and a glob that matches nothing with a one-line ConfigurationError', async () => {
    await expect(
      buildInventory({ manifests: ['nope/deploy.yaml'], cwd: '/tmp', namespace: 'default', maxFileBytes: 1e6 }),
    ).rejects.toThrow(new ConfigurationError('manifests: "nope/deploy.yaml" does not exist'));
    await expect(
      buildInventory({
        manifests: ['/tmp/no-such-dir-apg/**/*.yaml'],
        cwd: '/tmp',
        namespace: 'default',
        maxFileBytes: 1e6,
      }),
    ).rejects.toThrow(/no file matches/);
  });

  it('reads stdin when given -', async () => {
    const inv = await buildInventory({
      manifests: ['-'],
      cwd: '/tmp',
      namespace: 'default',
      maxFileBytes: 1e6,
      readStdin: async () =>
        Buffer.from(
          'apiVersion: v1\nkind: Pod\nmetadata: {name: s}\nspec: {containers: [{name: a, image: "nginx:1"}]}\n',
        ),
    });
    expect(inv.uses[0].location.file).toBe('<stdin>');
  });
});
