import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { listAgencyRows } from './repository-admin.ts';

export interface Unit { id: number; code: string; name: string; nameEn: string | null; parentId: number | null; current: boolean }

export interface Units {
  all: Unit[];
  byId: Map<number, Unit>;
  byCode: Map<string, Unit>;
  /** The top of the tree (the province): officers without any role are managed from there. */
  rootIds: number[];
}

/** The agency tree as the catalogue holds it; units dissolved before today are kept (old grants name them). */
export async function readUnits(db: Kysely<Database> | Transaction<Database>, now: Date): Promise<Units> {
  const today = now.toISOString().slice(0, 10);
  const all = (await listAgencyRows(db)).map((a) => ({
    id: a.id, code: a.code, name: a.name, nameEn: a.name_en, parentId: a.parent_id, current: a.valid_to === null || a.valid_to >= today,
  }));
  return {
    all, byId: new Map(all.map((u) => [u.id, u])), byCode: new Map(all.map((u) => [u.code, u])),
    rootIds: all.filter((u) => u.parentId === null).map((u) => u.id),
  };
}
