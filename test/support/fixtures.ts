import { readFileSync } from 'node:fs';
import type { CatalogFile } from '../../src/modules/catalog/catalog-file-schema.ts';

/** A fresh deep copy of the demo province's catalogue (the seed is the tests' fixture). */
export function demoCatalog(): CatalogFile {
  return JSON.parse(readFileSync(new URL('../../seed/catalog.json', import.meta.url), 'utf8')) as CatalogFile;
}
