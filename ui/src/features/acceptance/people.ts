// People as step 4 offers them: reviewers, responsible persons and the letter's issuer.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../components/org';

/** Select options for people: the name, with the department to tell namesakes apart. */
export function usePersonOptions() {
  const { t } = useTranslation('acceptance');
  const people = usePeople();
  return useMemo(
    () =>
      (people.data ?? []).map((p) => ({
        value: p.id,
        label: p.department_name ? t('form.withDepartment', { name: p.name, department: p.department_name }) : p.name,
      })),
    [people.data, t],
  );
}
