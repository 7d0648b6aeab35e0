/// <reference types="node" />
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';
import * as babel from 'prettier/plugins/babel';
import * as estree from 'prettier/plugins/estree';
import * as typescript from 'prettier/plugins/typescript';
import { format } from 'prettier/standalone';

/**
 * `schema.d.ts` is generated from `openapi.json` (the backend's OpenAPI document, kept equal to the
 * served one by the backend's `OpenApiDocumentIT`) with openapi-typescript and Prettier. This test
 * generates it again in memory and fails when the committed file differs. With
 * `HEIMA_API_WRITE=1` (`npm run api:types` in patient-web) it writes the files instead, and
 * formats the JSON files the backend wrote (`openapi.json`, `test/vitals.json`).
 */
const REGENERATE =
  './mvnw -B -o verify -pl deploy/local-fhir,backend -Dit.test=OpenApiDocumentIT,VitalCatalogueIT -Dtest=none ' +
  '-Dsurefire.failIfNoSpecifiedTests=false -Dheima.openapi.write=true && (cd patient-web && npm run api:types)';

const file = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const OPENAPI = file('./openapi.json');
const SCHEMA = file('./schema.d.ts');
const VITALS = file('../test/vitals.json');
const WRITE = process.env.HEIMA_API_WRITE === '1';

// this folder's Prettier settings, as `prettier --check` in patient-web applies them
const PRETTIER: object = JSON.parse(readFileSync(file('../../.prettierrc.json'), 'utf8'));

function pretty(text: string, path: string): Promise<string> {
  return format(text, {
    ...PRETTIER,
    parser: path.endsWith('.json') ? 'json' : 'typescript',
    plugins: [babel, estree, typescript],
  });
}

async function generated(): Promise<string> {
  const document: unknown = JSON.parse(readFileSync(OPENAPI, 'utf8'));
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  return pretty(COMMENT_HEADER + astToString(ast), SCHEMA);
}

describe('the API types', () => {
  it('are generated from the committed OpenAPI document', async () => {
    const expected = await generated();
    if (WRITE) {
      for (const json of [OPENAPI, VITALS].filter((path) => existsSync(path))) {
        writeFileSync(json, await pretty(readFileSync(json, 'utf8'), json));
      }
      writeFileSync(SCHEMA, expected);
      return;
    }
    const committed = readFileSync(SCHEMA, 'utf8');
    expect(
      committed === expected,
      `web-common/src/api/schema.d.ts is not what openapi.json gives; regenerate from the repository root:\n  ${REGENERATE}`,
    ).toBe(true);
  }, 120_000);
});
