import { v5 as uuidv5 } from 'uuid';

/** Never change these namespaces: an alert would lose its stream, an episode its incident. */
const ALERT_NAMESPACE = '3e8a1f5c-2b7d-4c9e-a6f0-5d4b3c2a1e09';
const ALERT_INCIDENT_NAMESPACE = '7a2c9e4b-6d1f-4b8a-9c3e-0f5d2a7b6c18';

/** One alert per source and fingerprint in a tenant (the tenant is in the stream name). */
export function alertIdOf(source: string, fingerprint: string): string {
  return uuidv5(`${source}\u0000${fingerprint}`, ALERT_NAMESPACE);
}

/** Derived, so every process racing to open an episode's incident names the same one. */
export function alertIncidentId(tenant: string, alertId: string, episode: number): string {
  return uuidv5(`${tenant}/${alertId}/${episode}`, ALERT_INCIDENT_NAMESPACE);
}
