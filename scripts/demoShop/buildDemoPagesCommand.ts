// `tsx scripts/demoShop/buildDemoPagesCommand.ts`: builds the React and Vue demo pages.
import { buildDemoPages } from './buildDemoPages.ts';

const { outDir } = await buildDemoPages();
console.log(`demo pages built: ${outDir}/react.js, ${outDir}/vue.js`);
