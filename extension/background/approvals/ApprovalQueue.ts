/**
 * Site requests waiting for the user. Each waits for a decision from the approval window, a
 * rejection when the window closes (4001), or its deadline (-32002). A request is settled once:
 * later decisions for the same id are ignored. Held in the worker's memory on purpose: if the
 * worker dies, the page's call fails (the bridge reports 4900) and nothing runs later.
 */
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import type {
  ApprovalDecision,
  ApprovalDetails,
  ApprovalRequest,
} from '../../../shared/protocol/approvalMessages.ts';

export type ApprovalQueueParameters = {
  /** Opens (or focuses) the approval window. */
  readonly showWindow: () => Promise<void>;
  /** Closes the window once nothing is pending. */
  readonly closeWindow: () => Promise<void>;
  readonly now: () => number;
  readonly timeoutMs?: number;
  /** How long an empty queue waits before closing the window, so a follow-up request (connect
   * right after unlock) reuses it instead of flickering a new one. */
  readonly closeDelayMs?: number;
  readonly createId?: () => string;
};

type Pending = {
  readonly request: ApprovalRequest;
  readonly settle: (outcome: { decision: ApprovalDecision } | { error: ProviderRpcError }) => void;
};

export const defaultApprovalTimeoutMs = 10 * 60 * 1000;

export class ApprovalQueue {
  readonly #parameters: ApprovalQueueParameters;
  readonly #pending = new Map<string, Pending>();
  #closeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(parameters: ApprovalQueueParameters) {
    this.#parameters = parameters;
  }

  /** Resolves with an approving decision; rejects with 4001 (rejected) or -32002 (expired). */
  async ask({
    origin,
    isSiteConnected,
    details,
  }: {
    origin: string;
    isSiteConnected: boolean;
    details: ApprovalDetails;
  }): Promise<ApprovalDecision & { approved: true }> {
    const {
      now,
      timeoutMs = defaultApprovalTimeoutMs,
      createId = () => crypto.randomUUID(),
    } = this.#parameters;
    const createdAt = now();
    const request: ApprovalRequest = {
      id: createId(),
      origin,
      isSiteConnected,
      createdAt,
      expiresAt: createdAt + timeoutMs,
      details,
    };
    const outcome = new Promise<{ decision: ApprovalDecision } | { error: ProviderRpcError }>(
      (settle) => {
        const timer = setTimeout(() => {
          this.#settle(request.id, {
            error: new ProviderRpcError(
              'resourceUnavailable',
              'The request expired before it was approved.',
              {
                timeoutMs,
              },
            ),
          });
        }, timeoutMs);
        this.#pending.set(request.id, {
          request,
          settle: (result) => {
            clearTimeout(timer);
            settle(result);
          },
        });
      },
    );
    clearTimeout(this.#closeTimer);
    await this.#parameters.showWindow();
    const result = await outcome;
    if ('error' in result) throw result.error;
    if (!result.decision.approved)
      throw new ProviderRpcError('userRejected', 'The user rejected the request.');
    return result.decision;
  }

  list(): ApprovalRequest[] {
    return [...this.#pending.values()].map((pending) => pending.request);
  }

  /** The window's answer for one request; unknown or already settled ids are ignored. */
  resolve(id: string, decision: ApprovalDecision): void {
    this.#settle(id, { decision });
  }

  /** Approves every pending request of one kind (e.g. all `unlock` waits once the wallet unlocks). */
  approveKind(kind: ApprovalDetails['kind']): void {
    for (const pending of [...this.#pending.values()]) {
      if (pending.request.details.kind === kind)
        this.#settle(pending.request.id, { decision: { approved: true } });
    }
  }

  /** The window was closed: every pending request is rejected. */
  rejectAll(): void {
    for (const id of [...this.#pending.keys()]) this.#settle(id, { decision: { approved: false } });
  }

  #settle(id: string, outcome: { decision: ApprovalDecision } | { error: ProviderRpcError }): void {
    const pending = this.#pending.get(id);
    if (pending === undefined) return;
    this.#pending.delete(id);
    pending.settle(outcome);
    if (this.#pending.size > 0) return;
    clearTimeout(this.#closeTimer);
    this.#closeTimer = setTimeout(() => {
      if (this.#pending.size === 0) void this.#parameters.closeWindow();
    }, this.#parameters.closeDelayMs ?? 1_000);
  }
}
