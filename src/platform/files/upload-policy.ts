import { t, type Lang } from '../i18n/messages.ts';

/** The kinds of document OpenDVC accepts, recognised from their content (never the client's name or MIME type). */
export const fileKinds = {
  pdf: { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'] },
  jpeg: { mediaType: 'image/jpeg', label: 'JPG', extensions: ['jpg', 'jpeg'] },
  png: { mediaType: 'image/png', label: 'PNG', extensions: ['png'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX', extensions: ['xlsx'] },
} as const;

export type FileKind = keyof typeof fileKinds;

/** What one upload field accepts. The same object is enforced by storeUpload and shown beside the field (P-04). */
export interface UploadPolicy {
  kinds: readonly FileKind[];
  maxBytes: number;
}

const megabyte = 1024 * 1024;

/** Dossier components: scans and signed documents (P-04). */
export const documentUploadPolicy: UploadPolicy = { kinds: ['pdf', 'jpeg', 'png'], maxBytes: 10 * megabyte };

/** Components the procedure lets people send as office files too (a list of members, a draft to be edited). */
export const officeUploadPolicy: UploadPolicy = { kinds: ['pdf', 'jpeg', 'png', 'docx', 'xlsx'], maxBytes: 10 * megabyte };

export function kindOfMediaType(mediaType: string): FileKind | undefined {
  return (Object.keys(fileKinds) as FileKind[]).find((kind) => fileKinds[kind].mediaType === mediaType);
}

/** "PDF, JPG, PNG": the accepted kinds as people know them. */
export function describeKinds(policy: UploadPolicy): string {
  return policy.kinds.map((kind) => fileKinds[kind].label).join(', ');
}

/** "10 MB", "2,5 MB" (Vietnamese decimal comma) or "2.5 MB"; counted in binary megabytes like every file manager. */
export function formatFileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < megabyte ? [bytes / 1024, 'KB'] : [bytes / megabyte, 'MB'];
  const text = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  return `${text} ${unit}`;
}

/** The line shown next to an upload field (P-04): "PDF, JPG, PNG; tối đa 10 MB". */
export function describeUploadPolicy(policy: UploadPolicy, lang: Lang): string {
  return t(lang, 'files.policy', { kinds: describeKinds(policy), size: formatFileSize(policy.maxBytes, lang) });
}

/** The `accept` attribute of the file input: a hint for the browser's picker only; the server decides. */
export function acceptAttribute(policy: UploadPolicy): string {
  return policy.kinds.flatMap((kind) => [...fileKinds[kind].extensions.map((ext) => `.${ext}`), fileKinds[kind].mediaType]).join(',');
}
