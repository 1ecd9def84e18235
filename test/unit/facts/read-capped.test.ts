import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCapped } from '../../../src/facts/read-capped.js';

describe('readCapped', () => {
  it('reads a body of several chunks to its end, up to and including the cap', async () => {
    const body = Readable.from([Buffer.from('ab'), Buffer.from('cd')]);
    expect((await readCapped(body, 4))?.toString()).toBe('abcd');
    expect((await readCapped(null, 4))?.byteLength).toBe(0);
  });

  it('stops one byte past the cap, returns undefined and destroys the stream', async () => {
    let pulled = 0;
    const body = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024));
      },
    });
    expect(await readCapped(body, 4096)).toBeUndefined();
    expect(body.destroyed).toBe(true);
    expect(pulled).toBeLessThan(10);
  });
});
