// Procedures return camelCase objects (STYLE.md "One way to do each thing"): a type-level walk over
// what every procedure returns fails the typecheck (`tsc --noEmit`) when a key
// with an underscore reaches a page. The runtime assertion only makes the file a test.
import { describe, expect, it } from 'vitest';
import type { RouterOutputs } from '@/server/root';

/** Every path to a key with an underscore in T ("rows.[].revoked_at"), or never. */
type SnakeKeys<T, Path extends string = ''> = 0 extends 1 & T
  ? `${Path}(any)`
  : T extends Date
    ? never
    : T extends readonly (infer Item)[]
      ? SnakeKeys<Item, `${Path}[].`>
      : T extends object
        ? { [K in keyof T & string]-?: (K extends `${string}_${string}` ? `${Path}${K}` : never) | SnakeKeys<T[K], `${Path}${K}.`> }[keyof T & string]
        : never;

/** Every router; `metrics.delivery` is left out on purpose (see below). */
type Checked = Exclude<keyof RouterOutputs & string, 'metrics'>;
type Offending = { [D in Checked]: { [P in keyof RouterOutputs[D] & string]: SnakeKeys<RouterOutputs[D][P], `${D}.${P}: `> }[keyof RouterOutputs[D] & string] }[Checked];
// metrics.delivery returns the DORA bands file as parsed: its keys (deployment_frequency, at_least)
// are those of the versioned YAML format, not field names of ours.
type MetricsOffending = { [P in Exclude<keyof RouterOutputs['metrics'], 'delivery'> & string]: SnakeKeys<RouterOutputs['metrics'][P], `metrics.${P}: `> }[Exclude<keyof RouterOutputs['metrics'], 'delivery'> & string];

// A snake_case key (or an untyped `any` output) makes these `true` fail to compile, naming the key.
const noSnakeKeys: [Offending] extends [never] ? true : Offending = true;
const noSnakeKeysInMetrics: [MetricsOffending] extends [never] ? true : MetricsOffending = true;

describe('procedure outputs', () => {
  it('are camelCase in every router (checked by the typecheck)', () => {
    expect([noSnakeKeys, noSnakeKeysInMetrics]).toEqual([true, true]);
  });
});
