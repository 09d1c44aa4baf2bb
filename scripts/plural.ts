/** "1 pair", "2 pairs", "1 family", "3 families": counts read as English, not "1 pairs". */
export function plural(count: number, singular: string, pluralForm = singular.endsWith('y') ? `${singular.slice(0, -1)}ies` : `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
