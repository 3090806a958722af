import { Alert, App, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useEngineQuery, useLiveValidation } from '../../engine';
import type { DeliverableRow, Dossier, LetterInput } from '../../bindings';
import type { IpcError } from '../../ipc';
import { describeError } from '../../components/errors';
import { showFieldError } from '../../components/engineForm';
import { usePersonNames } from '../../components/org';
import type { RecordAttributes } from '../../components/recordFocus';
import type { TabProps } from '../collaboration/tabProps';
import { PrintButton } from '../printing/PrintButton';
import { EmailDraftButton } from '../office/EmailDraftButton';
import { DeliverableStatusTag } from './display';
import { LetterContent } from './LetterContent';
import { usePersonOptions } from './people';

/**
 * The completion letter (协作完成确认函): once issued, its content, a print button and an email
 * draft; before that, while the collaboration is in execution or acceptance, where each
 * deliverable stands and the form to issue it — the engine refuses until every deliverable
 * passed, and the refusal names them.
 */
export function LetterTab({ dossier }: TabProps) {
  const { t } = useTranslation('acceptance');
  const names = usePersonNames();
  const letter = dossier.letter;
  if (letter) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space>
          <PrintButton kind="letter" collaboration={dossier.collaboration.id} label={t('letter.print')} />
          <EmailDraftButton kind="letter" collaboration={dossier.collaboration.id} testid="letter-email" />
        </Space>
        <LetterContent dossier={dossier} letter={letter} names={names} />
      </Space>
    );
  }
  if (dossier.stage !== 'executing' && dossier.stage !== 'accepting') {
    return <Alert type="info" showIcon title={t('letter.notYet')} data-testid="letter-not-yet" />;
  }
  return <IssueLetter dossier={dossier} />;
}

interface Values {
  body?: string;
  by?: string;
}

/** Where the deliverables stand, and the form that issues the letter. */
function IssueLetter({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('acceptance');
  const { modal } = App.useApp();
  const people = usePersonOptions();
  const me = useEngineQuery('get_me');
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch((all: Values) => all, { form, preserve: true }) ?? {};
  const payload: LetterInput = { collaboration: dossier.collaboration.id, body: values.body?.trim() ? values.body : undefined, by: values.by };
  const issue = useEngineAction('issue_completion_letter', { success: t('letter.success') });

  const confirm = () =>
    modal.confirm({
      title: t('letter.confirmTitle'),
      content: t('letter.confirmContent'),
      okText: t('letter.issue'),
      cancelText: t('form.cancel'),
      okButtonProps: { ...{ 'data-testid': 'letter-confirm' } },
      onOk: async () => {
        try {
          await issue.mutateAsync(payload);
        } catch (error) {
          showFieldError(form, t, error);
        }
      },
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('letter.deliverables')}>
        <Table<DeliverableRow>
          size="small"
          pagination={false}
          rowKey={(r) => r.id}
          dataSource={dossier.deliverables}
          data-testid="letter-deliverables"
          locale={{ emptyText: t('empty') }}
          onRow={(r): RecordAttributes => ({ 'data-testid': `letter-deliverable-${r.title}`, 'data-record': r.id })}
          columns={[
            { title: t('submit.name'), render: (_, r) => r.title },
            { title: t('submit.department'), render: (_, r) => r.department },
            { title: t('deliverable.status'), render: (_, r) => <DeliverableStatusTag status={r.status} /> },
          ]}
        />
      </Card>
      <Card size="small" title={t('letter.title')}>
        <Form<Values> form={form} layout="vertical" data-testid="letter-form" initialValues={{ by: undefined }}>
          <Form.Item name="by" label={t('letter.issuedBy')} extra={me.data ? t('letter.byDefault', { name: me.data.name }) : undefined}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={people} data-testid="letter-by" />
          </Form.Item>
          <Form.Item name="body" label={t('letter.body')}>
            <Input.TextArea rows={3} data-testid="letter-body-input" />
          </Form.Item>
          {/* Judged again whenever a deliverable's status changes, not only when the form changes. */}
          <IssueButton key={dossier.deliverables.map((d) => `${d.id}:${d.status}`).join()} payload={payload} pending={issue.isPending} onClick={confirm} />
        </Form>
      </Card>
    </Space>
  );
}

/** The issue button, held while the engine would refuse, with the refusal above it. */
function IssueButton({ payload, pending, onClick }: { payload: LetterInput; pending: boolean; onClick: () => void }) {
  const { t } = useTranslation('acceptance');
  const refusal = useLiveValidation('issue_completion_letter', payload);
  return (
    <>
      {refusal && <Refusal error={refusal} />}
      <Button type="primary" disabled={refusal !== null} loading={pending} onClick={onClick} data-testid="letter-issue">
        {t('letter.issue')}
      </Button>
    </>
  );
}

/** Why the letter cannot be issued yet: the deliverables not passed, by name. */
function Refusal({ error }: { error: IpcError }) {
  const { t } = useTranslation('acceptance');
  if (error.kind !== 'deliverables_not_passed') return <Alert type="warning" showIcon title={describeError(t, error)} style={{ marginBottom: 16 }} data-testid="letter-refusal" />;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="letter-refusal"
      title={error.items.length > 0 ? t('letter.blocked') : t('letter.noDeliverables')}
      description={
        error.items.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {error.items.map((title) => (
              <li key={title} data-testid={`letter-pending-${title}`}>
                {title}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
