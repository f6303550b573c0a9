import type en from '../../locales/widget/onramp/en.json';

/** Every string key of the on-ramp's part of the card (`locales/widget/onramp/<locale>.json`). */
export type OnrampMessageKey = keyof typeof en;
export type OnrampCatalog = Readonly<Partial<Record<OnrampMessageKey, string>>>;
