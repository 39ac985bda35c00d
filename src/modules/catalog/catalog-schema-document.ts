import { CatalogFile } from './catalog-file-schema.ts';

/** The catalogue format as a standalone JSON Schema document (committed as docs/catalog.schema.json). */
export function catalogSchemaDocument(): object {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(CatalogFile)) };
}
