import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export type AxeViolation = {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
};

/**
 * Runs axe-core on the `<tp-checkout>` element (axe goes into its open shadow root) and fails on
 * any serious or critical violation, naming `label` (the state) in the failure. axe is injected
 * through the DevTools protocol, which a page's CSP does not govern, so the page keeps its
 * strict policy (no `bypassCSP`) while axe runs.
 */
export async function expectNoSeriousAxeViolations(
  page: Page,
  label: string,
  selector = 'tp-checkout',
): Promise<readonly AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) {
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('Runtime.evaluate', { expression: axeSource });
    } finally {
      await cdp.detach();
    }
  }
  const violations = await page.evaluate(async (include) => {
    type AxeResult = {
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } })
      .axe;
    const results = await axe.run({ include: [include] }, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  }, selector);
  const serious = violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(serious, `axe: serious or critical violations in state "${label}"`).toEqual([]);
  return violations;
}
