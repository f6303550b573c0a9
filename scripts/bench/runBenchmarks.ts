// `npm run bench`: runs every benchmark, prints a table, writes bench-results.json (flat: metric → number).
import { writeFileSync } from 'node:fs';
import type { Benchmark } from './Benchmark.ts';
import { benchAutoPaymentsBenchmark } from './benchAutoPayments.ts';
import { benchExtensionServiceWorker } from './benchExtensionServiceWorker.ts';
import { benchPaymentToWebhook } from './benchPaymentToWebhook.ts';
import { benchPolicyDecide } from './benchPolicyDecide.ts';
import { benchProviderThroughput } from './benchProviderThroughput.ts';
import { benchStackStart } from './benchStackStart.ts';
import { benchUnlock } from './benchUnlock.ts';
import { benchWidget } from './benchWidget.ts';

const benchmarks: readonly Benchmark[] = [
  benchStackStart,
  benchExtensionServiceWorker,
  benchUnlock,
  benchPolicyDecide,
  benchAutoPaymentsBenchmark,
  benchWidget,
  benchProviderThroughput,
  { name: 'payment → webhook', run: () => benchPaymentToWebhook() },
];

const results: Record<string, number> = {};
for (const benchmark of benchmarks) {
  process.stdout.write(`running: ${benchmark.name}…\n`);
  Object.assign(results, await benchmark.run());
}
const width = Math.max(...Object.keys(results).map((name) => name.length));
console.log(`\n${'metric'.padEnd(width)}  value`);
for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(width)}  ${value}`);
writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: bench-results.json');
