import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const IMPORT = /^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)\.js';/gms;

/** Every module of src/ (relative path without extension) → the modules it imports, types included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) {
        const from = path.relative(SRC, file).slice(0, -3);
        const imports = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => path.normalize(path.join(path.dirname(from), m[1] as string)));
        graph.set(from, imports);
      }
    }
  };
  walk(SRC);
  return graph;
}

/** The import cycles of a graph, each as the path that closes it. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, trail: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      found.push([...trail.slice(trail.indexOf(node)), node]);
      return;
    }
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}

describe('the layout of src/', () => {
  const graph = importGraph();

  it('is read whole: every relative import names a module of src/', () => {
    expect(graph.size).toBeGreaterThan(50);
    const missing = [...graph].flatMap(([from, imports]) => imports.filter((to) => !graph.has(to)).map((to) => `${from} → ${to}`));
    expect(missing).toEqual([]);
  });

  it('has no import cycle, not even through types', () => {
    expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('finds a cycle where there is one', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('keeps the engine small: the stages live in their own files', () => {
    const lines = (module: string) => readFileSync(path.join(SRC, `${module}.ts`), 'utf8').split('\n').length;
    expect(lines('search/engine')).toBeLessThan(250);
    expect([...graph.keys()].filter((module) => lines(module) > 400)).toEqual([]);
  });
});
