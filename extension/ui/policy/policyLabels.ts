/** The message keys that name the policy's words (presets, windows, actions, statuses) in the UI. */
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type {
  ActivityStatus,
  EscalationActionName,
  LimitWindowName,
  PolicyActionName,
  PolicyPresetName,
} from '../../../shared/protocol/policyMessages.ts';

export const presetLabels: Readonly<Record<PolicyPresetName, MessageKey>> = {
  ask: 'policy.preset.ask',
  'trusted-shop': 'policy.preset.trustedShop',
  micropayments: 'policy.preset.micropayments',
  subscriptions: 'policy.preset.subscriptions',
  custom: 'policy.preset.custom',
};

export const presetHints: Readonly<Record<PolicyPresetName, MessageKey>> = {
  ask: 'policy.presetHint.ask',
  'trusted-shop': 'policy.presetHint.trustedShop',
  micropayments: 'policy.presetHint.micropayments',
  subscriptions: 'policy.presetHint.subscriptions',
  custom: 'policy.presetHint.custom',
};

/** Headings of a cap: "Per day". */
export const windowLabels: Readonly<Record<LimitWindowName, MessageKey>> = {
  transaction: 'policy.window.transaction',
  hour: 'policy.window.hour',
  day: 'policy.window.day',
  week: 'policy.window.week',
  '30-days': 'policy.window.30-days',
};

/** A cap in a sentence: "{limit} per day". */
export const capLabels: Readonly<Record<LimitWindowName, MessageKey>> = {
  transaction: 'policy.cap.transaction',
  hour: 'policy.cap.hour',
  day: 'policy.cap.day',
  week: 'policy.cap.week',
  '30-days': 'policy.cap.30-days',
};

/** What was spent in the window that ends now: "Last 24 hours". */
export const spentLabels: Readonly<Record<Exclude<LimitWindowName, 'transaction'>, MessageKey>> = {
  hour: 'policy.spent.hour',
  day: 'policy.spent.day',
  week: 'policy.spent.week',
  '30-days': 'policy.spent.30-days',
};

export const whenExceededLabels: Readonly<Record<EscalationActionName, MessageKey>> = {
  confirm: 'policy.whenExceeded.confirm',
  'step-up': 'policy.whenExceeded.step-up',
  block: 'policy.whenExceeded.block',
};

export const actionLabels: Readonly<Record<PolicyActionName, MessageKey>> = {
  auto: 'policy.action.auto',
  confirm: 'policy.action.confirm',
  'step-up': 'policy.action.step-up',
  block: 'policy.action.block',
};

export const statusLabels: Readonly<Record<ActivityStatus, MessageKey>> = {
  pending: 'activity.status.pending',
  confirmed: 'activity.status.confirmed',
  reverted: 'activity.status.reverted',
  failed: 'activity.status.failed',
  dropped: 'activity.status.dropped',
  replaced: 'activity.status.replaced',
  signed: 'activity.status.signed',
  granted: 'activity.status.granted',
  rejected: 'activity.status.rejected',
  blocked: 'activity.status.blocked',
};
