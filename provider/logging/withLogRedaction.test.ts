import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from '../buildServer.ts';
import type { BuildServerReturnType } from '../buildServer.ts';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { openPgliteDatabase } from '../db/openPgliteDatabase.ts';
import { createMerchant } from '../merchants/createMerchant.ts';
import { createLocalRateSettings } from '../rateBook/createLocalRateSettings.ts';
import { withLogRedaction } from './withLogRedaction.ts';

type LogLine = Record<string, unknown> & { reqId?: string; msg?: string };

describe('provider logs', () => {
  let db: Database;
  let app: BuildServerReturnType;
  let secretKey: string;
  let publishableKey: string;
  const written: string[] = [];

  beforeAll(async () => {
    db = await openPgliteDatabase({ dataDir: undefined });
    await migrate({ db });
    app = await buildServer({
      db,
      rates: createLocalRateSettings({ refreshIntervalMs: null }),
      logger: { level: 'info', stream: { write: (line: string) => written.push(line) } },
    });
    ({ secretKey, publishableKey } = await createMerchant({
      db,
      name: 'Logged shop',
      now: () => new Date(),
    }));
  });

  afterAll(async () => {
    await app.close();
    await db.close();
  });

  test('are JSON lines; request lines carry the request id; no secret key or webhook secret', async () => {
    written.length = 0;
    const created = await app.inject({
      method: 'POST',
      url: '/v1/webhook_endpoints',
      headers: { authorization: `Bearer ${secretKey}` },
      payload: { url: 'https://shop.example/hooks', enabled_events: ['*'] },
    });
    expect(created.statusCode).toBe(200);
    const webhookSecret = created.json<{ secret: string }>().secret;
    // A secret key pasted into a URL by mistake: refused, and logged without it.
    const inUrl = await app.inject({
      method: 'GET',
      url: `/v1/checkout/sessions/cs_none?key=${secretKey}`,
    });
    expect(inUrl.statusCode).toBe(401);
    // Code that logs carelessly: an object with a secret, an error whose message holds a key.
    app.log.info({ endpoint: { secret: webhookSecret } }, `endpoint ${webhookSecret} saved`);
    app.log.error(new Error(`could not use ${secretKey}`), 'careless');

    const lines = written.map((line) => JSON.parse(line) as LogLine);
    const requestLines = lines.filter((line) => line.msg === 'incoming request');
    expect(requestLines).toHaveLength(2);
    for (const line of requestLines) expect(line.reqId).toMatch(/^req-/);
    expect(requestLines.map((line) => line.reqId)).toEqual([
      ...new Set(requestLines.map((line) => line.reqId)),
    ]);
    const text = written.join('');
    expect(text).toContain('could not use sk_[REDACTED]');
    expect(text).not.toContain(secretKey);
    expect(text).not.toContain(secretKey.slice(3));
    expect(text).not.toContain(webhookSecret.slice('whsec_'.length));
  });

  test('keep the publishable key, which is public, so a request can be traced', async () => {
    written.length = 0;
    await app.inject({ method: 'GET', url: `/v1/checkout/sessions/cs_none?key=${publishableKey}` });
    expect(written.join('')).toContain(publishableKey);
  });

  test('redact an Authorization header wherever a line carries one', () => {
    written.length = 0;
    const authorization = 'Bearer metrics-token-not-for-logs';
    app.log.info({ req: { headers: { authorization } } }, 'one');
    app.log.info({ headers: { authorization } }, 'two');
    expect(written.join('')).not.toContain('metrics-token');
    expect(JSON.parse(written[1] ?? '{}')).toMatchObject({
      headers: { authorization: '[REDACTED]' },
    });
  });

  test('stay off when logging is off', () => {
    expect(withLogRedaction(false)).toBe(false);
    expect(withLogRedaction(undefined)).toBe(false);
    expect(withLogRedaction(true)).toMatchObject({ redact: { censor: '[REDACTED]' } });
  });
});
