import { TpAccounts } from './tp-accounts/tp-accounts.ts';
import { TpActivity } from './tp-activity/tp-activity.ts';
import { TpApproval } from './tp-approval/tp-approval.ts';
import { TpApprovalRequest } from './tp-approval-request/tp-approval-request.ts';
import { TpBalances } from './tp-balances/tp-balances.ts';
import { TpCapsEditor } from './tp-caps-editor/tp-caps-editor.ts';
import { TpCreatePhrase } from './tp-create-phrase/tp-create-phrase.ts';
import { TpDataTree } from './tp-data-tree/tp-data-tree.ts';
import { TpImportKey } from './tp-import-key/tp-import-key.ts';
import { TpImportPhrase } from './tp-import-phrase/tp-import-phrase.ts';
import { TpKillSwitch } from './tp-kill-switch/tp-kill-switch.ts';
import { TpOnboarding } from './tp-onboarding/tp-onboarding.ts';
import { TpPasswordStrength } from './tp-password-strength/tp-password-strength.ts';
import { TpPopup } from './tp-popup/tp-popup.ts';
import { TpPriceSettings } from './tp-price-settings/tp-price-settings.ts';
import { TpReceive } from './tp-receive/tp-receive.ts';
import { TpSetPassword } from './tp-set-password/tp-set-password.ts';
import { TpSiteDetail } from './tp-site-detail/tp-site-detail.ts';
import { TpSiteRules } from './tp-site-rules/tp-site-rules.ts';
import { TpSites } from './tp-sites/tp-sites.ts';
import { TpSubscriptions } from './tp-subscriptions/tp-subscriptions.ts';
import { TpSettings } from './tp-settings/tp-settings.ts';
import { TpUnlock } from './tp-unlock/tp-unlock.ts';
import { TpWelcome } from './tp-welcome/tp-welcome.ts';
import { TpWordGrid } from './tp-word-grid/tp-word-grid.ts';

const elements = {
  'tp-accounts': TpAccounts,
  'tp-activity': TpActivity,
  'tp-approval': TpApproval,
  'tp-approval-request': TpApprovalRequest,
  'tp-balances': TpBalances,
  'tp-caps-editor': TpCapsEditor,
  'tp-create-phrase': TpCreatePhrase,
  'tp-data-tree': TpDataTree,
  'tp-import-key': TpImportKey,
  'tp-import-phrase': TpImportPhrase,
  'tp-kill-switch': TpKillSwitch,
  'tp-onboarding': TpOnboarding,
  'tp-password-strength': TpPasswordStrength,
  'tp-popup': TpPopup,
  'tp-price-settings': TpPriceSettings,
  'tp-receive': TpReceive,
  'tp-set-password': TpSetPassword,
  'tp-site-detail': TpSiteDetail,
  'tp-site-rules': TpSiteRules,
  'tp-sites': TpSites,
  'tp-subscriptions': TpSubscriptions,
  'tp-settings': TpSettings,
  'tp-unlock': TpUnlock,
  'tp-welcome': TpWelcome,
  'tp-word-grid': TpWordGrid,
} as const;

declare global {
  interface HTMLElementTagNameMap {
    'tp-accounts': TpAccounts;
    'tp-activity': TpActivity;
    'tp-approval': TpApproval;
    'tp-approval-request': TpApprovalRequest;
    'tp-balances': TpBalances;
    'tp-caps-editor': TpCapsEditor;
    'tp-create-phrase': TpCreatePhrase;
    'tp-data-tree': TpDataTree;
    'tp-import-key': TpImportKey;
    'tp-import-phrase': TpImportPhrase;
    'tp-kill-switch': TpKillSwitch;
    'tp-onboarding': TpOnboarding;
    'tp-password-strength': TpPasswordStrength;
    'tp-popup': TpPopup;
    'tp-price-settings': TpPriceSettings;
    'tp-receive': TpReceive;
    'tp-set-password': TpSetPassword;
    'tp-site-detail': TpSiteDetail;
    'tp-site-rules': TpSiteRules;
    'tp-sites': TpSites;
    'tp-subscriptions': TpSubscriptions;
    'tp-settings': TpSettings;
    'tp-unlock': TpUnlock;
    'tp-welcome': TpWelcome;
    'tp-word-grid': TpWordGrid;
  }
}

/** The one place the wallet's UI elements are registered; importing a class has no side effects. */
export function defineElements(): void {
  for (const [name, element] of Object.entries(elements)) {
    if (!customElements.get(name)) customElements.define(name, element);
  }
}
