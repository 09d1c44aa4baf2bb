import type { TestProject } from 'vitest/node';
import { openPgStore } from '../../db/store/pg-store';
import { postgresForTests, startThrowawayCluster, type ThrowawayCluster } from '../postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated template database of this run's throwaway PostgreSQL cluster, or null when PostgreSQL is absent. */
    pgTemplateUrl: string | null;
  }
}

/** The name of the migrated template every PostgreSQL test database is copied from (a copy takes ~0.1 s). */
export const TEMPLATE_DATABASE = 'sawtooth_template';

let cluster: ThrowawayCluster | undefined;

/**
 * One throwaway PostgreSQL cluster per test run (not per file: starting one takes seconds), holding a template
 * database migrated once. Without PostgreSQL binaries the PostgreSQL side of each test skips, saying so.
 */
export async function setup(project: TestProject): Promise<void> {
  const binaries = postgresForTests();
  if (!binaries) {
    project.provide('pgTemplateUrl', null);
    return;
  }
  cluster = await startThrowawayCluster(binaries);
  const url = await cluster.createDatabase(TEMPLATE_DATABASE);
  const store = await openPgStore(url);
  await store.close();
  project.provide('pgTemplateUrl', url);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
