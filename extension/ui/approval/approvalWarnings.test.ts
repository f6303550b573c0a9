import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { ApprovalRequest } from '../../../shared/protocol/approvalMessages.ts';
import { approvalFixtures } from './approvalFixtures.ts';
import { approvalWarnings } from './approvalWarnings.ts';

const t = createTranslator('en');
const fixtures = approvalFixtures(0);

function request(id: string, origin = 'https://shop.example.com'): ApprovalRequest {
  const found = fixtures.find((fixture) => fixture.id === `fixture-${id}`);
  if (found === undefined) throw new Error(`No fixture ${id}`);
  return { ...found, origin };
}

const levels = (approval: ApprovalRequest) =>
  approvalWarnings(approval, t).map((warning) => warning.level);

describe('approvalWarnings', () => {
  it('warns first, and as a danger, about a plain-http site', () => {
    const [first] = approvalWarnings(request('switch-chain', 'http://shop.example.net'), t);
    expect(first?.level).toBe('danger');
    expect(first?.message).toMatch(/secure connection/);
    expect(approvalWarnings(request('switch-chain', 'http://localhost:5173'), t)).toEqual([]);
  });

  it('makes an unlimited approval a danger that names the spender and the token', () => {
    const warnings = approvalWarnings(request('erc20-approve-unlimited'), t);
    expect(warnings).toEqual([
      {
        level: 'danger',
        message: expect.stringMatching(/^Unlimited approval: 0x9965…A4dc .* USDC/) as unknown,
      },
    ]);
  });

  it('makes an unreadable contract call a danger', () => {
    expect(levels(request('contract-call'))).toEqual(['danger']);
  });

  it('has nothing to say about a plain transfer of a known token', () => {
    expect(approvalWarnings(request('erc20-transfer'), t)).toEqual([]);
    expect(approvalWarnings(request('native-transfer'), t)).toEqual([]);
  });

  it('reminds that a permit costs nothing now but spends later, and flags unlimited permits', () => {
    expect(levels(request('permit'))).toEqual(['caution']);
    expect(levels(request('permit2-unlimited'))).toEqual(['danger', 'caution']);
  });

  it('flags unrecognised typed data and a message that is not text', () => {
    expect(levels(request('typed-data-generic'))).toEqual(['danger']);
    expect(levels(request('sign-message-hex'))).toEqual(['caution']);
    expect(approvalWarnings(request('sign-message-text'), t)).toEqual([]);
  });

  it('asks for care before adding a network or a token', () => {
    expect(levels(request('add-chain'))).toEqual(['caution']);
    expect(levels(request('watch-asset'))).toEqual(['caution']);
  });
});
