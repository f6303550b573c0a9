import { describe, expect, test } from 'vitest';
import { describeEndpoint } from './describeEndpoint.ts';

describe('describeEndpoint', () => {
  test('keeps scheme, host and port, drops the path and query that hold API keys', () => {
    expect(describeEndpoint('https://mainnet.example.io/v3/secret-key?token=x')).toBe(
      'https://mainnet.example.io',
    );
    expect(describeEndpoint('ws://127.0.0.1:8545')).toBe('ws://127.0.0.1:8545');
  });

  test('never echoes what is not a URL', () => {
    expect(describeEndpoint('key=secret')).toBe('(not a URL)');
  });
});
