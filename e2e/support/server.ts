// Where the e2e server runs: its port and the SQLite file it starts fresh on every run. The test
// process opens the same file to create each test's own accounts (e2e/support/accounts.ts).

export const e2ePort = Number(process.env.E2E_PORT ?? 3100);

export const e2eDatabasePath = `./data/e2e-${e2ePort}/circuit.db`;
