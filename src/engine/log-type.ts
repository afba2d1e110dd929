// The event types are derived from the event log's schemas (each component's schema.ts): a schema
// says what a log may hold, and `LogType` turns it into the read-only type the engine works with.
// Only types come from here, so a run never loads the schema library; readers of a log do.
import type * as z from 'zod/mini';

/** Every object and list read-only, all the way down, as events are facts. */
export type Frozen<T> = T extends readonly (infer U)[]
  ? readonly Frozen<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T;

export type LogType<S extends z.ZodMiniType> = Frozen<z.output<S>>;

/** A compile-time check that two types are the same both ways (for types not derived from a schema). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
