import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { localDevChain } from '../../shared/chains/localDevChain.ts';
import { handleWorkerMessage } from './rpc/handleWorkerMessage.ts';

// The only place keys will ever exist in the clear (vault issue). For now: route page requests.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  handleWorkerMessage({ message, sender, activeChainId: localDevChain.id }),
);
