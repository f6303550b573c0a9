import { describe, expect, it } from 'vitest';
import { readOrigin } from './readOrigin.ts';

describe('readOrigin', () => {
  it('shows the hostname large and keeps the whole origin, port included', () => {
    expect(readOrigin('https://shop.example.com:8443')).toEqual({
      hostname: 'shop.example.com',
      origin: 'https://shop.example.com:8443',
      isInsecure: false,
    });
  });

  it('flags plain http to another machine', () => {
    expect(readOrigin('http://shop.example.net').isInsecure).toBe(true);
    expect(readOrigin('http://192.168.1.20:8080').isInsecure).toBe(true);
  });

  it('accepts plain http to this machine (development)', () => {
    for (const origin of [
      'http://localhost:5173',
      'http://127.0.0.1:8545',
      'http://[::1]:3000',
      'http://shop.localhost',
    ]) {
      expect(readOrigin(origin).isInsecure, origin).toBe(false);
    }
  });

  it('keeps an internationalised hostname in punycode, so look-alikes stay visible', () => {
    expect(readOrigin('https://exаmple.com').hostname).toBe('xn--exmple-4nf.com');
  });

  it('shows something that is not a URL as it is, and treats it as unsafe', () => {
    expect(readOrigin('not a url')).toEqual({
      hostname: 'not a url',
      origin: 'not a url',
      isInsecure: true,
    });
  });
});
