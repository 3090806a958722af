import type { ReactNode } from 'react';
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../bindings';
import { currentObjections } from './rounds';

/**
 * While the request is being revised: which departments objected and what they suggest, and what
 * to do next (edit the request on the overview tab, then send the revision).
 */
export function ObjectionNotice({ dossier, action, testid }: { dossier: Dossier; action?: ReactNode; testid: string }) {
  const { t } = useTranslation('feasibility');
  if (dossier.stage !== 'revising') return null;
  const objections = currentObjections(dossier);
  return (
    <Alert
      data-testid={testid}
      type="warning"
      showIcon
      title={t('objection.title', { departments: objections.map((o) => o.department ?? '').join('、') })}
      description={
        <Space orientation="vertical">
          {objections.map((o) => (
            <div key={o.id}>{t('objection.item', { department: o.department ?? '', note: o.note ?? '' })}</div>
          ))}
          <span>{t('objection.guide')}</span>
        </Space>
      }
      action={action}
    />
  );
}
