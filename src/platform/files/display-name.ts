import { fileKinds, type FileKind } from './upload-policy.ts';

const maxLength = 200;

/**
 * The name a person's file is shown and downloaded under. It is display metadata only (storage keys are ours),
 * but it still reaches headers, pages and the person's disk, so: NFC (one form for Vietnamese diacritics), the
 * last path segment only, no control or bidirectional-override characters (an RTL override makes "gpj.exe"
 * read as "exe.jpg"), no characters Windows refuses, no leading dots, and an extension that matches the
 * sniffed content so the download opens in the right program.
 */
export function sanitiseDisplayName(clientName: string, kind: FileKind, fallback: string): string {
  const lastSegment = clientName.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const allowed: readonly string[] = fileKinds[kind].extensions;
  let stem = cleaned;
  if (dot > 0 && /^[a-z0-9]{1,5}$/.test(ext)) stem = cleaned.slice(0, dot).replace(/[\s.]+$/, '');
  const extension = allowed.includes(ext) ? ext : allowed[0]!;
  stem = [...(stem || fallback)].slice(0, maxLength).join('').trim();
  return `${stem}.${extension}`;
}
