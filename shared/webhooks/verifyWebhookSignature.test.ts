import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  InvalidWebhookHeaderError,
  InvalidWebhookInputError,
  InvalidWebhookPayloadError,
  WebhookSignatureMismatchError,
  WebhookTimestampOutOfToleranceError,
} from './errors.ts';
import { signWebhookPayload } from './signWebhookPayload.ts';
import { verifyWebhookSignature } from './verifyWebhookSignature.ts';

const secret = 'whsec_test_7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e';
const sentAt = 1_893_456_000;
const event = {
  id: 'evt_1',
  object: 'event',
  type: 'checkout.session.settled',
  created_at: '2029-12-31T23:59:58.000Z',
  data: { id: 'cs_1', amount: '1500000' },
};
const body = JSON.stringify(event);
const header = signWebhookPayload({ payload: body, secret, timestamp: sentAt });

function at(unixSeconds: number): () => Date {
  return () => new Date(unixSeconds * 1000);
}

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
}

describe('verifyWebhookSignature', () => {
  test('returns the event of a genuine delivery', () => {
    expect(verifyWebhookSignature({ payload: body, header, secret, now: at(sentAt) })).toEqual(
      event,
    );
  });

  test('takes the raw body as bytes too (a Buffer from express.raw, say)', () => {
    const payload = Buffer.from(body, 'utf8');
    expect(verifyWebhookSignature({ payload, header, secret, now: at(sentAt) })).toEqual(event);
  });

  test('accepts a header signed with the old and the new secret, under either', () => {
    const rotating = signWebhookPayload({
      payload: body,
      secret: ['whsec_new', secret],
      timestamp: sentAt,
    });
    for (const each of ['whsec_new', secret]) {
      expect(
        verifyWebhookSignature({ payload: body, header: rotating, secret: each, now: at(sentAt) })
          .id,
      ).toBe('evt_1');
    }
  });

  test('accepts any of the merchant’s secrets (the merchant rotates)', () => {
    expect(
      verifyWebhookSignature({
        payload: body,
        header,
        secret: ['whsec_next', secret],
        now: at(sentAt),
      }).id,
    ).toBe('evt_1');
  });

  test('accepts a timestamp exactly 300 s old or ahead', () => {
    for (const now of [sentAt + 300, sentAt - 300]) {
      expect(verifyWebhookSignature({ payload: body, header, secret, now: at(now) }).id).toBe(
        'evt_1',
      );
    }
  });

  test('refuses a captured delivery replayed 301 s later', () => {
    expect(() =>
      verifyWebhookSignature({ payload: body, header, secret, now: at(sentAt + 301) }),
    ).toThrow(WebhookTimestampOutOfToleranceError);
  });

  test('refuses a timestamp more than 300 s in the future', () => {
    expect(() =>
      verifyWebhookSignature({ payload: body, header, secret, now: at(sentAt - 301) }),
    ).toThrow(/too far in the future/);
  });

  test('honours a custom tolerance', () => {
    const verify = (toleranceSeconds: number): unknown =>
      verifyWebhookSignature({
        payload: body,
        header,
        secret,
        now: at(sentAt + 60),
        toleranceSeconds,
      });
    expect(() => verify(59)).toThrow(WebhookTimestampOutOfToleranceError);
    expect(verify(60)).toEqual(event);
  });

  test('refuses a wrong secret', () => {
    expect(() =>
      verifyWebhookSignature({ payload: body, header, secret: 'whsec_wrong', now: at(sentAt) }),
    ).toThrow(WebhookSignatureMismatchError);
  });

  test('refuses a re-serialized body (whitespace differs), pointing at the raw body', () => {
    const reserialized = JSON.stringify(event, null, 2);
    expect(() =>
      verifyWebhookSignature({ payload: reserialized, header, secret, now: at(sentAt) }),
    ).toThrow(/raw body/);
  });

  test('refuses a malformed or missing header', () => {
    expect(() =>
      verifyWebhookSignature({ payload: body, header: undefined, secret, now: at(sentAt) }),
    ).toThrow(InvalidWebhookHeaderError);
    expect(() =>
      verifyWebhookSignature({ payload: body, header: 'v1=abc', secret, now: at(sentAt) }),
    ).toThrow(InvalidWebhookHeaderError);
  });

  test('checks the signature before the clock: a forged old delivery is a mismatch', () => {
    const forged = header.replace(/v1=[0-9a-f]+/, `v1=${'0'.repeat(64)}`);
    expect(
      codeOf(() =>
        verifyWebhookSignature({ payload: body, header: forged, secret, now: at(sentAt + 9999) }),
      ),
    ).toBe('webhook/signature-mismatch');
  });

  test('refuses a signed body that is not an event', () => {
    const payload = '[1,2,3]';
    const signed = signWebhookPayload({ payload, secret, timestamp: sentAt });
    expect(() =>
      verifyWebhookSignature({ payload, header: signed, secret, now: at(sentAt) }),
    ).toThrow(InvalidWebhookPayloadError);
  });

  test('refuses bad arguments loudly', () => {
    expect(() =>
      verifyWebhookSignature({
        payload: body,
        header,
        secret,
        now: at(sentAt),
        toleranceSeconds: -1,
      }),
    ).toThrow(InvalidWebhookInputError);
    expect(() =>
      verifyWebhookSignature({ payload: body, header, secret: [], now: at(sentAt) }),
    ).toThrow(InvalidWebhookInputError);
    expect(() =>
      verifyWebhookSignature({ payload: body, header, secret, now: () => new Date(Number.NaN) }),
    ).toThrow(InvalidWebhookInputError);
  });

  describe('properties', () => {
    const eventBody = fc
      .record({ id: fc.string({ minLength: 1 }), note: fc.string() })
      .map((record) =>
        JSON.stringify({
          id: record.id,
          object: 'event',
          type: 'checkout.session.pending',
          created_at: '2030-01-01T00:00:00.000Z',
          data: { note: record.note },
        }),
      );
    const secretArbitrary = fc.string({ minLength: 1, maxLength: 64 });
    const timestampArbitrary = fc.integer({ min: 0, max: 4_000_000_000 });

    test('whatever was signed verifies at the time it was sent', () => {
      fc.assert(
        fc.property(eventBody, secretArbitrary, timestampArbitrary, (payload, key, timestamp) => {
          const signed = signWebhookPayload({ payload, secret: key, timestamp });
          expect(
            verifyWebhookSignature({ payload, header: signed, secret: key, now: at(timestamp) }).id,
          ).toBe((JSON.parse(payload) as { id: string }).id);
        }),
      );
    });

    test('changing any byte of the body breaks it', () => {
      fc.assert(
        fc.property(
          eventBody,
          secretArbitrary,
          timestampArbitrary,
          fc.nat(),
          fc.integer({ min: 1, max: 255 }),
          (payload, key, timestamp, position, xor) => {
            const signed = signWebhookPayload({ payload, secret: key, timestamp });
            const bytes = new TextEncoder().encode(payload);
            const index = position % bytes.length;
            bytes[index] = (bytes[index] ?? 0) ^ xor;
            expect(
              codeOf(() =>
                verifyWebhookSignature({
                  payload: bytes,
                  header: signed,
                  secret: key,
                  now: at(timestamp),
                }),
              ),
            ).toBe('webhook/signature-mismatch');
          },
        ),
      );
    });

    test('changing the timestamp breaks it, even within the tolerance', () => {
      fc.assert(
        fc.property(
          eventBody,
          secretArbitrary,
          timestampArbitrary,
          fc.integer({ min: -300, max: 300 }).filter((shift) => shift !== 0),
          (payload, key, timestamp, shift) => {
            const signed = signWebhookPayload({ payload, secret: key, timestamp });
            const moved = signed.replace(`t=${timestamp}`, `t=${Math.max(0, timestamp + shift)}`);
            fc.pre(moved !== signed);
            expect(
              codeOf(() =>
                verifyWebhookSignature({ payload, header: moved, secret: key, now: at(timestamp) }),
              ),
            ).toBe('webhook/signature-mismatch');
          },
        ),
      );
    });

    test('any other secret fails', () => {
      fc.assert(
        fc.property(
          eventBody,
          secretArbitrary,
          secretArbitrary,
          timestampArbitrary,
          (payload, key, other, timestamp) => {
            fc.pre(key !== other);
            const signed = signWebhookPayload({ payload, secret: key, timestamp });
            expect(
              codeOf(() =>
                verifyWebhookSignature({
                  payload,
                  header: signed,
                  secret: other,
                  now: at(timestamp),
                }),
              ),
            ).toBe('webhook/signature-mismatch');
          },
        ),
      );
    });

    test('any signature but the right one fails', () => {
      fc.assert(
        fc.property(eventBody, fc.stringMatching(/^[0-9a-f]{64}$/), (payload, signature) => {
          const signed = signWebhookPayload({ payload, secret, timestamp: sentAt });
          fc.pre(!signed.endsWith(signature));
          expect(
            codeOf(() =>
              verifyWebhookSignature({
                payload,
                header: `t=${sentAt},v1=${signature}`,
                secret,
                now: at(sentAt),
              }),
            ),
          ).toBe('webhook/signature-mismatch');
        }),
      );
    });
  });
});
