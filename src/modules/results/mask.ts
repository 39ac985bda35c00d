// How the public verification page names the recipient (issue 5 §1): enough to recognise, not to identify.

/** "Nguyễn Văn An" → "Nguyễn V** A*": the family name whole, each other word its first letter and stars. */
export function maskName(name: string): string {
  const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  return words.map((word, i) => {
    if (i === 0) return word;
    const letters = [...word];
    return `${letters[0]}${'*'.repeat(Math.max(1, letters.length - 1))}`;
  }).join(' ');
}

/** "017090012345" → "******2345"; short identifiers are starred whole. */
export function maskIdentifier(id: string | null | undefined): string | null {
  if (!id) return null;
  const clean = id.trim();
  return clean.length <= 4 ? '*'.repeat(clean.length) : `******${clean.slice(-4)}`;
}
