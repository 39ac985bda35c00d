import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { CatalogProcedure } from './catalog-file-schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AgencyTable {
  id: GeneratedAlways<number>;
  code: string;
  name: string;
  name_en: string | null;
  short_name: string;
  kind: string;
  parent_id: number | null;
  address: string;
  phone: string;
  email: string;
  valid_from: string;
  valid_to: string | null;
  updated_at: Timestamp;
}

export interface SectorTable {
  id: GeneratedAlways<number>;
  code: string;
  name: string;
  name_en: string | null;
  updated_at: Timestamp;
}

export interface ProcedureTable {
  id: GeneratedAlways<number>;
  code: string;
  created_at: Timestamp;
  published_version_id: number | null;
  name: string | null;
  name_en: string | null;
  sector_id: number | null;
  level: string | null;
  online_level: string | null;
  applicant_types: Generated<string[]>;
  agency_ids: Generated<number[]>;
  search_text: Generated<string>;
  name_folded: GeneratedAlways<string>;
  search_folded: GeneratedAlways<string>;
}

/** What a procedure version stores: the catalogue item without its import-only flags. */
export type ProcedureDefinition = Omit<CatalogProcedure, 'draft'>;

export interface ProcedureVersionTable {
  id: GeneratedAlways<number>;
  procedure_id: number;
  version: number;
  status: 'draft' | 'published' | 'superseded';
  definition: ColumnType<ProcedureDefinition, string, string>;
  content_hash: string;
  source: string;
  created_at: Timestamp;
  published_at: Timestamp | null;
}

export interface SearchSynonymTable {
  id: GeneratedAlways<number>;
  term: string;
  term_folded: GeneratedAlways<string>;
  expansions: string[];
}

export interface CatalogRevisionTable {
  id: number;
  revision: number;
  changed_at: Timestamp;
}

export interface PortalSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface CatalogTables {
  agency: AgencyTable;
  sector: SectorTable;
  procedure: ProcedureTable;
  procedure_version: ProcedureVersionTable;
  search_synonym: SearchSynonymTable;
  catalog_revision: CatalogRevisionTable;
  portal_setting: PortalSettingTable;
}
