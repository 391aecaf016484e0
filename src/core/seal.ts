// Sealing secrets at rest (the installations' tokens): AES-256-GCM, a random 12-byte IV per value.
//
// A sealed value reads `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts). The key id is the
// first 12 hex digits of the key's SHA-256, so a value names the key that opens it without revealing
// it; `open` finds that key among the current one and the previous ones, which lets the key be rotated
// (seal under the new key, still open under the old ones until every value has been sealed again).
// The `v1.<key id>` header is authenticated with the value, so it cannot be changed either.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

const KEY_ID = /^[0-9a-f]{12}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;

/** A sealed value that cannot be opened. The message never quotes the value, its plaintext or a key. */
export class SealError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SealError';
  }
}

/** The id a key is known by in sealed values: the first 12 hex digits of its SHA-256. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

interface Parts {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function parse(sealed: string): Parts | undefined {
  const parts = sealed.split('.');
  if (parts.length !== 5) return undefined;
  const [version, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  if (version !== VERSION || !KEY_ID.test(keyId)) return undefined;
  if (![iv, ciphertext, tag].every((p) => B64URL.test(p))) return undefined;
  const parsed = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) return undefined;
  return parsed;
}

function checkKey(key: Buffer, name: string): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new RangeError(`${name} must be ${KEY_BYTES} bytes (got ${Buffer.isBuffer(key) ? key.length : 0})`);
  }
}

export class Sealer {
  /** The current key's id: every value is sealed under it. */
  readonly keyId: string;
  readonly #key: Buffer;
  readonly #keys: ReadonlyMap<string, Buffer>;

  /** `key` seals and opens; each of `previous` only opens (values sealed before a rotation). */
  constructor(key: Buffer, previous: readonly Buffer[] = []) {
    checkKey(key, 'The encryption key');
    for (const [i, k] of previous.entries()) checkKey(k, `Previous encryption key ${i + 1}`);
    this.#key = Buffer.from(key);
    this.keyId = keyIdOf(key);
    const keys = new Map<string, Buffer>();
    for (const k of previous) keys.set(keyIdOf(k), Buffer.from(k));
    keys.set(this.keyId, this.#key);
    this.#keys = keys;
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const header = `${VERSION}.${this.keyId}`;
    const cipher = createCipheriv(ALGORITHM, this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(header, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [header, iv, ciphertext, tag]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const parts = typeof sealed === 'string' ? parse(sealed) : undefined;
    if (!parts) {
      throw new SealError(
        `The value is not a sealed value (expected ${VERSION}.<key id>.<iv>.<ciphertext>.<tag>)`,
      );
    }
    const key = this.#keys.get(parts.keyId);
    if (!key) {
      throw new SealError(
        `The value was sealed under key ${parts.keyId}, which is neither ENCRYPTION_KEY nor one of ENCRYPTION_KEY_PREVIOUS`,
      );
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(`${VERSION}.${parts.keyId}`, 'utf8'));
      decipher.setAuthTag(parts.tag);
      return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SealError(
        `The value sealed under key ${parts.keyId} could not be opened: the key is wrong or the value was changed`,
      );
    }
  }

  /** True when the value is sealed under the current key (false when under another, or not sealed). */
  sealedUnderCurrent(sealed: string): boolean {
    return parse(sealed)?.keyId === this.keyId;
  }
}
