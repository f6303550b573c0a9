import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import type { Locale } from './Locale.ts';

/**
 * Every UI string, by key. English is the reference: its keys are the type, and any key another
 * locale lacks falls back to it. The files are imported statically because the UI is bundled
 * (an extension page cannot fetch translations from anywhere but itself).
 */
export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Partial<Record<MessageKey, string>>>;

export const catalogs: Readonly<Record<Locale, Catalog>> = { en, 'zh-CN': zhCN };
