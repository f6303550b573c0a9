import { describe, expect, test } from 'vitest';
import { InvalidOnrampConfigError } from '../errors.ts';
import { parseDenyList } from './parseDenyList.ts';

describe('parseDenyList', () => {
  test('reads one address per line in any case, skipping comments and blank lines', () => {
    const text = [
      '# sanctions list, 2026-01-31',
      '',
      '0x15d34aaf54267db7d7c367839aaf71a00a2c6a65',
      '  0x000000000000000000000000000000000000DEAD   # burn address  ',
      '\r',
    ].join('\n');
    expect([...parseDenyList({ text, source: 'list.txt' })]).toEqual([
      '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
      '0x000000000000000000000000000000000000dEaD',
    ]);
  });

  test('a line that is not an address fails the whole list, naming the line', () => {
    const text = '0x15d34aaf54267db7d7c367839aaf71a00a2c6a65\nnot-an-address\n';
    expect(() => parseDenyList({ text, source: 'list.txt' })).toThrow(InvalidOnrampConfigError);
    expect(() => parseDenyList({ text, source: 'list.txt' })).toThrow(/list\.txt:2/);
  });

  test('an empty file is an empty list', () => {
    expect(parseDenyList({ text: '# nothing yet\n', source: 'list.txt' }).size).toBe(0);
  });
});
