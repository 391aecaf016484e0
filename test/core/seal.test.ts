// Sealing tokens at rest: what is sealed opens again, only with the right key, and says clearly why not.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKey } from '../../src/config';
import { SealError, Sealer } from '../../src/core/seal';

const KEY = Buffer.alloc(32, 7);
const OTHER = Buffer.alloc(32, 9);
const TOKEN = 'xoxb-1234567890-abcdefghijklmnop';

/** Replaces the character at `index` of a base64url part with another valid one. */
function flip(part: string, index = 0): string {
  const c = part[index] === 'A' ? 'B' : 'A';
  return part.slice(0, index) + c + part.slice(index + 1);
}

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('Sealer', () => {
  it('opens what it sealed, for any text', () => {
    const sealer = new Sealer(KEY);
    for (const plain of [
      TOKEN,
      '',
      'é ünïcode ✓ 🙂',
      JSON.stringify({ bot: { token: TOKEN } }),
      'x'.repeat(10_000),
    ]) {
      expect(sealer.open(sealer.seal(plain))).toBe(plain);
    }
  });

  it('seals as v1.<key id>.<iv>.<ciphertext>.<tag>, with the key id from the SHA-256 of the key', () => {
    const sealer = new Sealer(KEY);
    const keyId = createHash('sha256').update(KEY).digest('hex').slice(0, 12);
    expect(sealer.keyId).toBe(keyId);
    const parts = sealer.seal(TOKEN).split('.');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe('v1');
    expect(parts[1]).toBe(keyId);
    expect(Buffer.from(parts[2]!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[4]!, 'base64url')).toHaveLength(16);
  });

  it('never shows the plaintext or the key, and uses a fresh IV each time', () => {
    const sealer = new Sealer(KEY);
    const a = sealer.seal(TOKEN);
    const b = sealer.seal(TOKEN);
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    for (const sealed of [a, b]) {
      expect(sealed).not.toContain(TOKEN);
      expect(sealed).not.toContain('xoxb');
      expect(sealed).not.toContain(KEY.toString('hex'));
      expect(sealed).not.toContain(KEY.toString('base64url'));
    }
  });

  it('treats the same key in hex and in base64 as one key', () => {
    const bytes = randomBytes(32);
    const fromHex = new Sealer(parseKey(bytes.toString('hex'))!);
    const fromBase64 = new Sealer(parseKey(bytes.toString('base64'))!);
    const fromBase64Url = new Sealer(parseKey(bytes.toString('base64url'))!);
    expect(fromHex.keyId).toBe(fromBase64.keyId);
    expect(fromBase64Url.keyId).toBe(fromHex.keyId);
    expect(fromBase64.open(fromHex.seal(TOKEN))).toBe(TOKEN);
    expect(fromHex.open(fromBase64Url.seal(TOKEN))).toBe(TOKEN);
  });

  it('refuses a changed ciphertext, tag, IV or key id with a SealError', () => {
    const sealer = new Sealer(KEY);
    const parts = sealer.seal(TOKEN).split('.');
    const changed = [2, 3, 4].map((i) => parts.map((p, j) => (j === i ? flip(p) : p)).join('.'));
    for (const value of changed) {
      const error = errorOf(() => sealer.open(value));
      expect(error).toBeInstanceOf(SealError);
      expect(error.message).toContain('could not be opened: the key is wrong or the value was changed');
    }
    // The key id is authenticated: pointed at another key the sealer holds, it does not open.
    const both = new Sealer(KEY, [OTHER]);
    const relabelled = [parts[0], new Sealer(OTHER).keyId, ...parts.slice(2)].join('.');
    expect(() => both.open(relabelled)).toThrow(SealError);
  });

  it('names the unknown key id, and neither the value nor any key, when sealed under another key', () => {
    const other = new Sealer(OTHER);
    const sealed = other.seal(TOKEN);
    const error = errorOf(() => new Sealer(KEY).open(sealed));
    expect(error).toBeInstanceOf(SealError);
    expect(error.message).toContain(
      `sealed under key ${other.keyId}, which is neither ENCRYPTION_KEY nor one of ENCRYPTION_KEY_PREVIOUS`,
    );
    for (const secret of [TOKEN, KEY.toString('hex'), OTHER.toString('hex'), KEY.toString('base64')]) {
      expect(error.message).not.toContain(secret);
    }
  });

  it('refuses a wrong key that claims the right id as failed authentication', () => {
    // A value whose key id is the current key's but sealed under another key (e.g. edited by hand).
    const sealer = new Sealer(KEY);
    const forged = new Sealer(OTHER).seal(TOKEN).split('.');
    forged[1] = sealer.keyId;
    const error = errorOf(() => sealer.open(forged.join('.')));
    expect(error).toBeInstanceOf(SealError);
    expect(error.message).toContain('the key is wrong or the value was changed');
  });

  it('refuses malformed values with a SealError', () => {
    const sealer = new Sealer(KEY);
    const good = sealer.seal(TOKEN).split('.');
    const truncatedTag = [...good.slice(0, 4), good[4]!.slice(0, 10)].join('.');
    for (const value of [
      '',
      TOKEN,
      'v1.abc',
      ['v2', ...good.slice(1)].join('.'),
      [...good, 'extra'].join('.'),
      [good[0], 'not-a-key-id', ...good.slice(2)].join('.'),
      [good[0], good[1], '!!!!', good[3], good[4]].join('.'),
      truncatedTag,
    ]) {
      const error = errorOf(() => sealer.open(value));
      expect(error).toBeInstanceOf(SealError);
      expect(error.message).toContain('not a sealed value');
    }
  });

  it('opens values sealed under a previous key, and seals only under the current one', () => {
    const old = new Sealer(OTHER);
    const sealedBefore = old.seal(TOKEN);
    const rotated = new Sealer(KEY, [OTHER]);
    expect(rotated.open(sealedBefore)).toBe(TOKEN);
    expect(rotated.sealedUnderCurrent(sealedBefore)).toBe(false);
    const sealedNow = rotated.seal(TOKEN);
    expect(rotated.sealedUnderCurrent(sealedNow)).toBe(true);
    expect(sealedNow.split('.')[1]).toBe(rotated.keyId);
    expect(new Sealer(KEY).open(sealedNow)).toBe(TOKEN);
    expect(() => old.open(sealedNow)).toThrow(SealError);
    expect(rotated.sealedUnderCurrent('not sealed')).toBe(false);
  });

  it('requires 32-byte keys', () => {
    expect(() => new Sealer(Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => new Sealer(Buffer.alloc(33))).toThrow(/32 bytes/);
    expect(() => new Sealer(KEY, [Buffer.alloc(31)])).toThrow(/32 bytes/);
  });
});
