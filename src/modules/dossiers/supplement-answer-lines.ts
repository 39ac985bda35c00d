/**
 * What the applicant sent for each item of a supplement request, one line per item ("item: written answer (files)"),
 * for the timelines of the applicant and the officers. Empty for a supplement the desk confirmed on paper.
 */
export function supplementAnswerLines(payload: Record<string, unknown>): string[] {
  const answers = Array.isArray(payload['answers']) ? payload['answers'] as { name?: unknown; text?: unknown; files?: { name?: unknown }[] }[] : [];
  return answers.map((a) => {
    const files = Array.isArray(a.files) ? a.files.map((f) => String(f.name ?? '')).filter(Boolean) : [];
    const text = typeof a.text === 'string' ? a.text.trim() : '';
    return `${String(a.name ?? '')}: ${[text, files.length ? `(${files.join(', ')})` : ''].filter(Boolean).join(' ')}`;
  });
}
