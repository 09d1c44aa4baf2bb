import type { SawtoothConfig } from './model-config';

/**
 * Moves the local checkpoint server to another port (`up --checkpoint-port`, SAWTOOTH_CHECKPOINT_PORT): the
 * config's models that point at the configured port on loopback follow it, so the dashboard and the CLI ask the
 * server where it really listens.
 */
export function withCheckpointPort(config: SawtoothConfig, port: number | undefined): SawtoothConfig {
  if (port === undefined || port === config.localServer.port) return config;
  const from = new RegExp(`^(https?://(?:127\\.0\\.0\\.1|localhost|\\[::1\\])):${config.localServer.port}(?=/|$)`);
  return {
    ...config,
    localServer: { ...config.localServer, port },
    models: config.models.map((m) => (from.test(m.baseURL) ? { ...m, baseURL: m.baseURL.replace(from, `$1:${port}`) } : m)),
  };
}
