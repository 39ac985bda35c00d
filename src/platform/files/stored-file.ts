import type { StoredFileRow } from './repository.ts';
import type { ReuseSource } from './tables.ts';

/** A stored attachment as other modules see it (SYNC-02 TaiLieuNop flags included). */
export interface StoredFile {
  id: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  displayName: string;
  uploadedBy: string | null;
  /** DuocSoHoa */
  digitised: boolean;
  /** DuocTaiSuDung: where the document was reused from, or null. */
  reuseSource: ReuseSource | null;
  reusedFromFileId: string | null;
  /** DuocLayTuKhoDMQG */
  fromNationalStore: boolean;
  createdAt: Date;
}

export function toStoredFile(row: StoredFileRow): StoredFile {
  return {
    id: row.id,
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    mediaType: row.media_type,
    displayName: row.display_name,
    uploadedBy: row.uploaded_by,
    digitised: row.digitised,
    reuseSource: row.reuse_source,
    reusedFromFileId: row.reused_from_file_id,
    fromNationalStore: row.from_national_store,
    createdAt: row.created_at,
  };
}
