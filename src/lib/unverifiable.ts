// Telling an Unverifiable fact from a read one (pure; shared by the collectors and the checks).

import type { Unverifiable } from '../types/facts/unverifiable.js';

export function isUnverifiable(x: unknown): x is Unverifiable {
  return typeof x === 'object' && x !== null && 'reason' in x && !('id' in x);
}
