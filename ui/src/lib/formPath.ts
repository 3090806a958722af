// Where an engine refusal belongs in a form: the engine names fields with dots, forms by name paths.

/**
 * The longest leading part of a dotted engine field (`communication.weekly_meeting`,
 * `milestones.name`) that names a value of the form, as a form name path; null when none does.
 */
export function formPath(values: unknown, field: string): string[] | null {
  const parts = field.split('.');
  for (let length = parts.length; length > 0; length--) {
    const path = parts.slice(0, length);
    let value = values;
    const found = path.every((key) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const fields = new Map<string, unknown>(Object.entries(value));
      value = fields.get(key);
      return fields.has(key);
    });
    if (found) return path;
  }
  return null;
}
