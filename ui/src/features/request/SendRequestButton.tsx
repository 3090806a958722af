import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useEngineQuery } from '../../engine';
import type { Dossier } from '../../bindings';

/**
 * Sends the request (as a draft) or its revision (after an objection) to every collaborating
 * department, which opens a new answer round; shown only at the stages that allow it. Its
 * confirmation button is `${testid}-confirm`.
 */
export function SendRequestButton({ dossier, testid }: { dossier: Dossier; testid: string }) {
  const { t } = useTranslation('request');
  const settings = useEngineQuery('get_org_settings');
  const send = useEngineAction('send_request', { success: t('sent') });
  if (dossier.stage !== 'draft' && dossier.stage !== 'revising') return null;
  const label = dossier.stage === 'draft' ? t('send') : t('sendRevised');
  return (
    <Popconfirm
      title={label}
      description={t('sendHint', { days: settings.data?.feasibility_sla_days ?? 2 })}
      okButtonProps={{ 'data-testid': `${testid}-confirm` }}
      onConfirm={() => send.mutateAsync({ collaboration: dossier.collaboration.id }).catch(() => undefined)}
    >
      <Button type="primary" data-testid={testid} loading={send.isPending}>
        {label}
      </Button>
    </Popconfirm>
  );
}
