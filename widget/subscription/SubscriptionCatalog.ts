import type en from '../../locales/widget/subscription/en.json';

/** Every string key of the subscription part of the card (`locales/widget/subscription/`). */
export type SubscriptionMessageKey = keyof typeof en;
export type SubscriptionCatalog = Readonly<Partial<Record<SubscriptionMessageKey, string>>>;
