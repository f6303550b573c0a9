import { createPublicKey, verify } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuoteSignatureFields } from './QuoteSignatureFields.ts';
import { encodeQuoteMessage } from './encodeQuoteMessage.ts';
import { InvalidQuoteSignatureInputError } from './errors.ts';
import { verifyQuoteSignature } from './verifyQuoteSignature.ts';

// RFC 8032 §7.1, TEST 1: a public test key pair.
const rfcSecretKey = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const rfcPublicKey = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

const quote: QuoteSignatureFields = {
  id: 'qt_00112233445566778899aabbccddeeff',
  session_id: 'cs_ffeeddccbbaa99887766554433221100',
  chain_id: 31337,
  asset: 'USDC',
  token_address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  decimals: 6,
  recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  amount: '26086957',
  reference: '0123456789abcdef0123456789abcdef',
  amount_minor: '2400',
  currency: 'EUR',
  expires_at: '2026-01-31T12:10:00.000Z',
};

// Known answer: the signature of `quote` under the RFC 8032 TEST 1 key (Ed25519 is deterministic).
const quoteSignature =
  '9253d78c2d4d95c1fb5985cf03eee131acb17633420816dbacf39adb0db4c115' +
  'd0b5883dbceb57cf990ef3a4cdf02e99bc2655685a2cac1c97440d47f602d701';

const expectedMessage = [
  'tp-pay/quote/v1',
  'id=qt_00112233445566778899aabbccddeeff',
  'session_id=cs_ffeeddccbbaa99887766554433221100',
  'chain_id=31337',
  'asset=USDC',
  'token_address=0x5FbDB2315678afecb367f032d93F642f64180aa3',
  'decimals=6',
  'recipient=0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  'amount=26086957',
  'reference=0123456789abcdef0123456789abcdef',
  'amount_minor=2400',
  'currency=EUR',
  'expires_at=2026-01-31T12:10:00.000Z',
].join('\n');

describe('encodeQuoteMessage', () => {
  it('lays the fields out as documented, one name=value per line', () => {
    expect(new TextDecoder().decode(encodeQuoteMessage(quote))).toBe(expectedMessage);
  });

  it('writes the native coin as token_address=native', () => {
    const text = new TextDecoder().decode(
      encodeQuoteMessage({ ...quote, asset: 'ETH', token_address: null, decimals: 18 }),
    );
    expect(text).toContain('\ntoken_address=native\n');
  });

  it.each([
    ['asset', 'USDC\namount=1'],
    ['amount', '-5'],
    ['amount', '007'],
    ['reference', 'ABCDEF0123456789ABCDEF0123456789'],
    ['chain_id', 0],
    ['chain_id', 1.5],
    ['expires_at', '2026-01-31T12:10:00.5Z'],
    ['recipient', '0x1234'],
    ['id', 'qt_a=b'],
  ])('refuses a malformed %s (%s) rather than sign or verify it', (field, value) => {
    expect(() => encodeQuoteMessage({ ...quote, [field]: value })).toThrow(
      InvalidQuoteSignatureInputError,
    );
  });
});

describe('verifyQuoteSignature', () => {
  it('uses Ed25519 as RFC 8032 defines it (TEST 1)', () => {
    const secretKey = hexToBytes(rfcSecretKey);
    expect(bytesToHex(ed25519.getPublicKey(secretKey))).toBe(rfcPublicKey);
    expect(bytesToHex(ed25519.sign(new Uint8Array(), secretKey))).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555' +
        'fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('accepts the known-answer signature of the known quote', () => {
    expect(
      verifyQuoteSignature({ quote, signature: quoteSignature, publicKey: rfcPublicKey }),
    ).toBe(true);
  });

  it('agrees with an independent Ed25519 (node:crypto) on the known answer', () => {
    const publicKey = createPublicKey({
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        x: Buffer.from(rfcPublicKey, 'hex').toString('base64url'),
      },
      format: 'jwk',
    });
    const message = Buffer.from(expectedMessage, 'ascii');
    expect(verify(null, message, publicKey, Buffer.from(quoteSignature, 'hex'))).toBe(true);
  });

  it('ignores fields that are not signed (the signature object, the rate…)', () => {
    const withExtras = { ...quote, signature: { value: quoteSignature }, rate: { numerator: '1' } };
    expect(
      verifyQuoteSignature({
        quote: withExtras,
        signature: quoteSignature,
        publicKey: rfcPublicKey,
      }),
    ).toBe(true);
  });

  it('rejects the signature once any signed field changes', () => {
    const changes: Partial<Record<keyof QuoteSignatureFields, unknown>> = {
      id: 'qt_00112233445566778899aabbccddeefe',
      session_id: 'cs_other',
      chain_id: 1,
      asset: 'EURC',
      token_address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
      decimals: 18,
      recipient: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
      amount: '26086956',
      reference: '0123456789abcdef0123456789abcdee',
      amount_minor: '2401',
      currency: 'USD',
      expires_at: '2026-01-31T12:10:01.000Z',
    };
    for (const [field, value] of Object.entries(changes)) {
      const changed: QuoteSignatureFields = { ...quote, [field]: value };
      expect(
        verifyQuoteSignature({
          quote: changed,
          signature: quoteSignature,
          publicKey: rfcPublicKey,
        }),
        field,
      ).toBe(false);
    }
  });

  it('rejects a signature under another key', () => {
    const otherPublicKey = bytesToHex(ed25519.getPublicKey(ed25519.utils.randomSecretKey()));
    expect(
      verifyQuoteSignature({ quote, signature: quoteSignature, publicKey: otherPublicKey }),
    ).toBe(false);
  });

  it('throws a typed error for a signature or key of the wrong length', () => {
    expect(() =>
      verifyQuoteSignature({ quote, signature: quoteSignature.slice(2), publicKey: rfcPublicKey }),
    ).toThrow(InvalidQuoteSignatureInputError);
    expect(() =>
      verifyQuoteSignature({ quote, signature: quoteSignature, publicKey: `${rfcPublicKey}00` }),
    ).toThrow(InvalidQuoteSignatureInputError);
  });

  it('verifies what it signs and nothing with one bit flipped (property)', () => {
    const secretKey = ed25519.utils.randomSecretKey();
    const publicKey = bytesToHex(ed25519.getPublicKey(secretKey));
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        fc.integer({ min: 0, max: 511 }),
        (amount, bit) => {
          const signed = { ...quote, amount: amount.toString() };
          const signature = ed25519.sign(encodeQuoteMessage(signed), secretKey);
          expect(
            verifyQuoteSignature({ quote: signed, signature: bytesToHex(signature), publicKey }),
          ).toBe(true);
          const flipped = signature.slice();
          flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
          expect(
            verifyQuoteSignature({ quote: signed, signature: bytesToHex(flipped), publicKey }),
          ).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
  });
});
