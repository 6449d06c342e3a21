// Procedures return camelCase objects (STYLE.md, issue 20): a snake_case key anywhere in the output
// of the routers listed here fails the typecheck (npx tsc --noEmit), naming the path of the key.
import { describe, expect, it } from 'vitest';
import type { RouterOutputs } from '@/server/root';

/** Paths ("themes.list[].is_mvp_focus") of snake_case keys in T, at any depth. */
type SnakeKeyPaths<T, P extends string> = T extends Date | string | number | boolean | bigint | null | undefined
  ? never
  : T extends readonly (infer Item)[]
    ? SnakeKeyPaths<Item, `${P}[]`>
    : T extends object
      ? { [K in keyof T & string]-?: (K extends `${string}_${string}` ? `${P}.${K}` : never) | SnakeKeyPaths<T[K], `${P}.${K}`> }[keyof T & string]
      : never;

/** Routers converted so far; add a router here once its procedures return camelCase. */
type Checked =
  | 'auth'
  | 'members'
  | 'participants'
  | 'teams'
  | 'evidence'
  | 'themes'
  | 'inventory'
  | 'sharedInventory'
  | 'interviews'
  | 'shadowing'
  | 'search'
  | 'coverage'
  | 'home';

type Found = {
  [Router in Checked]: { [Procedure in keyof RouterOutputs[Router] & string]: SnakeKeyPaths<RouterOutputs[Router][Procedure], `${Router}.${Procedure}`> }[keyof RouterOutputs[Router] & string];
}[Checked];

// Compiles only while Found is empty; otherwise tsc prints the snake_case paths it found.
const snakeKeys: [Found] extends [never] ? string[] : [Found] = [];

describe('procedure outputs', () => {
  it('use camelCase keys (checked by the typecheck)', () => {
    expect(snakeKeys).toEqual([]);
  });
});
