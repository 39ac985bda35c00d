import type { ColumnType, GeneratedAlways } from 'kysely';
import type { ProcessDefinition } from './process-definition.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ProcedureProcessTable {
  id: GeneratedAlways<number>;
  procedure_id: number;
  version: number;
  status: 'draft' | 'published' | 'superseded';
  definition: ColumnType<ProcessDefinition, string, string>;
  note: ColumnType<string, string | undefined, string>;
  changed_by: string | null;
  changed_by_label: string;
  changed_at: Timestamp;
}

export interface ProcessTables {
  procedure_process: ProcedureProcessTable;
}
