// Hardhat 2 config for the dev chain only (`hardhat --config scripts/devChain/hardhat.config.cjs node`).
// CommonJS because the repo is ESM and Hardhat 2 loads its config with require().
// Hardhat never compiles here: contracts are built with solc-js (scripts/contracts/), so `sources`
// points at a folder without .sol files and nothing ever triggers a compiler download.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Hardhat 2 require()s its config
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');

/** @type {import('hardhat/types').HardhatUserConfig} */
module.exports = {
  paths: {
    root: repoRoot,
    sources: path.join(__dirname, 'no-solidity-sources'),
    cache: path.join(repoRoot, '.data', 'hardhat', 'cache'),
    artifacts: path.join(repoRoot, '.data', 'hardhat', 'artifacts'),
    tests: path.join(__dirname, 'no-hardhat-tests'),
  },
  networks: {
    hardhat: {
      // startDevChain's `chainId` option (tests start a second chain); 31337 otherwise.
      chainId: Number(process.env.DEV_CHAIN_ID ?? '31337'),
      accounts: {
        mnemonic: 'test test test test test test test test test test test junk',
        count: 20,
        accountsBalance: '10000000000000000000000',
      },
      mining: { auto: true },
      // A block mined in the same second as the one before keeps its time, as on a real chain,
      // instead of running one second ahead per block: after a burst of payments the chain's
      // clock would otherwise be minutes ahead of the provider's, and payments made in time
      // would look late against their quotes' expiry.
      allowBlocksWithSameTimestamp: true,
    },
  },
};
