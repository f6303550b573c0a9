import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { openPgliteDatabase } from '../db/openPgliteDatabase.ts';
import { startTestProvider } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';

const subscriber = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const validQuoteId = `qt_${'a'.repeat(32)}`;
const validSessionId = `cs_${'b'.repeat(32)}`;

// Found by provider/http/fuzzRoutes.test.ts: ids of the wrong form reached
// formatStartTrialMessage, whose InvalidSubscriptionTermsError answered 500.
describe('POST /v1/subscriptions/checkout/{session_id}/trial with malformed ids', () => {
  let db: Database;
  let provider: StartTestProviderReturnType;

  beforeAll(async () => {
    db = await openPgliteDatabase({ dataDir: undefined });
    provider = await startTestProvider({ db });
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  test.each([
    ['session_id', 'qt_notasession', validQuoteId, subscriber],
    ['quote_id', validSessionId, 'a', subscriber],
  ])('a malformed %s answers 400 naming it', async (param, sessionId, quoteId, address) => {
    const response = await provider.app.inject({
      method: 'POST',
      url: `/v1/subscriptions/checkout/${sessionId}/trial`,
      headers: { authorization: `Bearer ${provider.merchant.secretKey}` },
      payload: { quote_id: quoteId, subscriber: address, signature: `0x${'a'.repeat(130)}` },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_request', param } });
  });
});
