/** Stops the embedded PostgreSQL that global setup started, if it started one. */
export default async function globalTeardown() {
  await globalThis.__itsmEmbeddedPostgres?.stop();
}
