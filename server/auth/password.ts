// Password hashing with argon2id. The parameters are the library's defaults (OWASP-level); a hash
// carries its own parameters, so raising them later still verifies old hashes.
import { hash, verify } from '@node-rs/argon2';

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a wrong password, not a crash; nothing about it reaches the client.
    return false;
  }
}

// Verified against when the email is unknown, so a missing account takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hash('frictionlog-timing-equaliser');
  return dummyHash;
}
