// Words for what the change log and search results store as codes: kinds of records, fields,
// actions and the coded values of some fields. Shared by the history tab and the search palette.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A field's name without the `_id` / `_person_id` that only says how it is stored. */
const withoutIdSuffix = (field: string) => field.replace(/(_person)?_id$/, '');

/** Labels for the record kinds, fields, actions and codes the engine stores, in the UI language. */
export function useRecordLabels() {
  const { t, i18n } = useTranslation('history');
  return useMemo(() => {
    const has = (key: string) => i18n.exists(key);
    return {
      entity: (entity: string) => t(`entities.${entity}`, { defaultValue: entity }),
      action: (action: string) => t(`actions.${action}`, { defaultValue: action }),
      field: (field: string) => {
        for (const key of [field, withoutIdSuffix(field)]) {
          if (has(`history:fields.${key}`)) return t(`fields.${key}`);
          if (has(`common:fieldNames.${key}`)) return t(`fieldNames.${key}`, { ns: 'common' });
        }
        return field;
      },
      /** The label of a code stored in `field` of an `entity` row, or undefined when it is plain text. */
      code: (entity: string, field: string, value: string): string | undefined => {
        if (field === 'stage' && has(`common:stage.${value}`)) return t(`stage.${value}`, { ns: 'common' });
        if (field === 'status' && (entity === 'task' || entity === 'status_update')) {
          return has(`common:taskStatus.${value}`) ? t(`taskStatus.${value}`, { ns: 'common' }) : undefined;
        }
        // A risk's decision is free text; only a change approval's decision is a code.
        if (field === 'decision' && entity !== 'change_approval') return undefined;
        return has(`history:values.${field}.${value}`) ? t(`values.${field}.${value}`) : undefined;
      },
    };
    // `i18n.language` makes the labels follow a language switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n, i18n.language]);
}
