// The one "could not be read" shape of every fact: why, and the permission that would let the gate read it.

/** Something the gate's own identity could not read: why, and the permission that would let it. */
export interface Unverifiable {
  reason: string;
  /** The permission or role to grant (`get secrets`, `Application.Read.All`, an ARM action). */
  permission?: string;
  /** ARM answered 404 for what the user named (a misspelled cluster): a configuration error, not a gap. */
  notFound?: boolean;
}
