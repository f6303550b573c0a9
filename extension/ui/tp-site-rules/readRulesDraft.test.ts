import { describe, expect, it } from 'vitest';
import type { SiteRules } from './RulesDraft.ts';
import { listRuleAssets } from './listRuleAssets.ts';
import { readRulesDraft } from './readRulesDraft.ts';
import { rulesToDraft } from './rulesToDraft.ts';

const usdc = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const ethereumUsdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const merchant = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const assets = listRuleAssets({});
const open: SiteRules = { whenNotAllowed: 'block', confirmNewRecipients: false };

describe('readRulesDraft', () => {
  it('reads back every rule rulesToDraft shows', () => {
    const rules: SiteRules = {
      allowedChainIds: [31337, 1],
      allowedAssets: [
        { chainId: 31337, asset: usdc },
        { chainId: 1, asset: 'native' },
      ],
      allowedRecipients: [merchant],
      whenNotAllowed: 'step-up',
      confirmNewRecipients: true,
    };
    const read = readRulesDraft({ draft: rulesToDraft(rules), assets });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.rules.allowedChainIds).toEqual([31337, 1]);
    expect(read.rules.allowedAssets).toEqual(
      expect.arrayContaining([
        { chainId: 31337, asset: usdc },
        { chainId: 1, asset: 'native' },
      ]),
    );
    expect(read.rules.allowedRecipients).toEqual([merchant]);
    expect(read.rules.whenNotAllowed).toBe('step-up');
    expect(read.rules.confirmNewRecipients).toBe(true);
  });

  it('leaves a list out entirely for "any"', () => {
    expect(readRulesDraft({ draft: rulesToDraft(open), assets })).toEqual({
      ok: true,
      rules: open,
    });
  });

  it('shows addresses in EIP-55 and takes any case back', () => {
    const draft = rulesToDraft({
      ...open,
      allowedRecipients: [merchant.toLowerCase() as `0x${string}`],
    });
    expect(draft.recipientsText).toBe(merchant);
  });

  it('refuses "only these" with nothing chosen, naming each list', () => {
    const read = readRulesDraft({
      draft: {
        ...rulesToDraft(open),
        networkMode: 'only',
        tokenMode: 'only',
        recipientMode: 'only',
        recipientsText: '\n  \n',
      },
      assets,
    });
    expect(read).toEqual({
      ok: false,
      problems: {
        networks: 'none-chosen',
        tokens: 'none-chosen',
        recipients: { kind: 'none-given' },
      },
    });
  });

  it('drops a token on a network the site may not use, and says so when none is left', () => {
    const draft = {
      ...rulesToDraft(open),
      networkMode: 'only' as const,
      chainIds: [31337],
      tokenMode: 'only' as const,
      assetKeys: [`1:${ethereumUsdc.toLowerCase()}`],
    };
    expect(readRulesDraft({ draft, assets })).toEqual({
      ok: false,
      problems: { tokens: 'none-chosen' },
    });
    const withLocal = { ...draft, assetKeys: [...draft.assetKeys, `31337:${usdc.toLowerCase()}`] };
    const read = readRulesDraft({ draft: withLocal, assets });
    expect(read.ok && read.rules.allowedAssets).toEqual([{ chainId: 31337, asset: usdc }]);
  });

  it('refuses a list with a bad line, and saves nothing of it', () => {
    const read = readRulesDraft({
      draft: { ...rulesToDraft(open), recipientMode: 'only', recipientsText: `${merchant}\nnope` },
      assets,
    });
    expect(read).toEqual({
      ok: false,
      problems: {
        recipients: { kind: 'lines', lines: [{ kind: 'not-address', line: 2, text: 'nope' }] },
      },
    });
  });
});
