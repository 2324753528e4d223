// The job-kind contract. Each kind lives in its own file in app/jobs/ and exports a
// defineJob(...); the app's registry lists them, and the worker looks kinds up here.
import type { AppContext } from "../context.server";
import { PermanentJobError, type Job } from "./queue.server";

export interface JobDefinition<P> {
  /** Stored in Job.kind: renaming one strands the queued jobs of the old name. */
  readonly kind: string;
  /** Validates the stored JSON (e.g. with zod); throwing fails the job permanently. */
  parsePayload(raw: unknown): P;
  /** Does the work. Runs at least once, maybe twice: make it idempotent. */
  run(ctx: AppContext, payload: P, job: Job): Promise<void>;
  /**
   * Optional: runs the jobs of this kind that one claim took together, so they can share reads
   * and writes. Returns one promise per entry, in order; each settles its own job as `run`'s
   * would, so one slow entry holds back none of the others.
   */
  runBatch?(ctx: AppContext, entries: { payload: P; job: Job }[]): Promise<void>[];
}

/** Identity at run time; it lets TypeScript infer P from parsePayload for run's payload. */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export interface JobRegistry {
  readonly kinds: readonly string[];
  /** The definition for a kind; a kind nobody defines fails its job permanently. */
  definitionFor(kind: string): JobDefinition<unknown>;
}

export function createJobRegistry(definitions: readonly JobDefinition<unknown>[]): JobRegistry {
  const byKind = new Map<string, JobDefinition<unknown>>();
  for (const definition of definitions) {
    if (byKind.has(definition.kind)) throw new Error(`Job kind "${definition.kind}" is defined twice`);
    byKind.set(definition.kind, definition);
  }
  const kinds = [...byKind.keys()].sort();
  return {
    kinds,
    definitionFor(kind) {
      const definition = byKind.get(kind);
      if (definition) return definition;
      throw new PermanentJobError(`No job definition for kind "${kind}" (known: ${kinds.join(", ") || "none"})`);
    },
  };
}
