/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROBLEM_PREFIX, ProblemType } from './problem';

// The backend's list of stable problem types, read from its source so the two cannot drift (the
// tests run in an app's folder, beside backend/).
const BACKEND_TYPES = resolve(
  process.cwd(),
  '../backend/src/main/java/no/heima/problem/ProblemType.java',
);

describe('problem types', () => {
  it('are exactly the backend’s stable types, plus the client’s own network failure', () => {
    const java = readFileSync(BACKEND_TYPES, 'utf8');
    const backend = [...java.matchAll(/^\s+[A-Z_]+\("([a-z0-9-]+)"/gm)].map((m) => m[1]);
    expect(backend.length).toBeGreaterThan(30);
    const client = Object.values(ProblemType)
      .map((type) => type.slice(PROBLEM_PREFIX.length))
      .filter((slug) => slug !== 'network');
    expect([...client].sort()).toEqual([...backend].sort());
  });
});
