/**
 * How the failures page names a recipient (issue 5 §3): enough for an operator to recognise a pattern, never a
 * usable address. "0912345678" → "091****678"; "lan.nguyen@example.vn" → "l*********@example.vn".
 */
export function maskRecipient(recipient: string | null): string | null {
  if (!recipient) return null;
  const value = recipient.trim();
  const at = value.lastIndexOf('@');
  if (at > 0) return `${value[0]}${'*'.repeat(Math.max(3, at - 1))}${value.slice(at)}`;
  if (value.length <= 6) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 6)}${value.slice(-3)}`;
}
