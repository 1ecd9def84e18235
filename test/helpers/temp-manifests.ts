// Writes manifest text into a fresh temp directory and builds the inventory from it; removes it afterwards. Its findings
// are those the gate starts from: what reading the files found, then the static rules over the inventory.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildInventory } from '../../src/inventory/inventory.js';
import { staticFindings } from '../../src/checks/static.js';
import type { Inventory } from '../../src/types/index.js';

export async function inventoryFromFiles(
  files: Record<string, string | Buffer>,
  opts: { namespace?: string; maxFileBytes?: number; inputs?: string[] } = {},
): Promise<Inventory> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'apg-inv-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    const inventory = await buildInventory({
      manifests: opts.inputs ?? ['.'],
      cwd: dir,
      namespace: opts.namespace ?? 'default',
      maxFileBytes: opts.maxFileBytes ?? 20 * 1024 * 1024,
    });
    return { ...inventory, findings: [...inventory.findings, ...staticFindings(inventory)] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function inventoryOf(yaml: string, opts: { namespace?: string } = {}): Promise<Inventory> {
  return inventoryFromFiles({ 'm.yaml': yaml }, opts);
}
