import { Button, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { Criterion, DeliverableRow, ReviewInput } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { isoDate } from '../../lib/format';
import { splitCriterion } from './acceptanceModel';
import { usePersonOptions } from './people';

interface CriterionValues {
  name?: string;
  target?: string;
  measured?: string;
  /** Unset until the reviewers decide. */
  verdict?: 'pass' | 'fail';
}

interface RectificationValues {
  description?: string;
  owner?: string;
  deadline?: Dayjs | null;
}

interface Values {
  criteria?: CriterionValues[];
  reviewers?: string[];
  opinion?: string;
  rectifications?: RectificationValues[];
}

const anyFailed = (rows: CriterionValues[] | undefined) => (rows ?? []).some((c) => c?.verdict === 'fail');

/**
 * The joint acceptance review (联合验收) of a deliverable's current version: each criterion with its
 * target, the measured value and whether it is met; the reviewers and their opinion. When a
 * criterion is not met the review fails, and the form asks for the rectification items, each with
 * a responsible person and a deadline (整改项及时限).
 */
export function ReviewDialog({ deliverable, previous, criteria, onClose }: { deliverable: DeliverableRow; previous: Criterion[]; criteria: string[]; onClose: () => void }) {
  const { t } = useTranslation('acceptance');
  const options = usePersonOptions();
  const starting: CriterionValues[] =
    previous.length > 0 ? previous.map((c) => ({ name: c.name, target: c.target })) : criteria.length > 0 ? criteria.map(splitCriterion) : [{}];

  const toPayload = (v: Values): ReviewInput | null => {
    const rows = v.criteria ?? [];
    if (rows.length === 0 || rows.some((c) => !c?.verdict)) return null;
    const rectifications = [];
    for (const r of anyFailed(rows) ? (v.rectifications ?? []) : []) {
      const deadline = isoDate(r?.deadline);
      if (!deadline) return null;
      rectifications.push({ description: r.description ?? '', owner: r.owner, deadline });
    }
    return {
      deliverable: deliverable.id,
      criteria: rows.map((c) => ({ name: c.name ?? '', target: c.target ?? '', measured: c.measured ?? '', passed: c.verdict === 'pass' })),
      reviewers: v.reviewers ?? [],
      opinion: v.opinion ?? '',
      rectifications,
    };
  };

  return (
    <EngineFormModal
      title={t('review.title', { title: deliverable.title, version: deliverable.version })}
      action="review_deliverable"
      toPayload={toPayload}
      initialValues={{ criteria: starting, reviewers: [], opinion: '', rectifications: [{}] }}
      checkAtOnce
      okText={t('form.ok')}
      success={t('review.success')}
      testId="review-form"
      width={900}
      onClose={onClose}
    >
      <Typography.Text strong>{t('review.criteria')}</Typography.Text>
      <Form.List name="criteria">
        {(fields, { add, remove }) => (
          <div data-testid="review-criteria">
            {fields.map(({ key, name }) => (
              <Space key={key} align="baseline" wrap style={{ display: 'flex' }} data-testid={`review-criterion-${name}`}>
                <Form.Item name={[name, 'name']} style={{ width: 200 }}>
                  <Input placeholder={t('review.name')} data-testid={`review-criterion-name-${name}`} />
                </Form.Item>
                <Form.Item name={[name, 'target']} style={{ width: 130 }}>
                  <Input placeholder={t('review.target')} data-testid={`review-criterion-target-${name}`} />
                </Form.Item>
                <Form.Item name={[name, 'measured']} style={{ width: 130 }}>
                  <Input placeholder={t('review.measured')} data-testid={`review-criterion-measured-${name}`} />
                </Form.Item>
                <Form.Item name={[name, 'verdict']}>
                  <Radio.Group optionType="button" buttonStyle="solid" data-testid={`review-criterion-verdict-${name}`}>
                    {/* The test ids sit on the visible labels: the radio inputs themselves are hidden. */}
                    <Radio.Button value="pass">
                      <span data-testid={`review-criterion-pass-${name}`}>{t('review.pass')}</span>
                    </Radio.Button>
                    <Radio.Button value="fail">
                      <span data-testid={`review-criterion-fail-${name}`}>{t('review.fail')}</span>
                    </Radio.Button>
                  </Radio.Group>
                </Form.Item>
                <Button type="link" danger onClick={() => remove(name)} data-testid={`review-criterion-remove-${name}`}>
                  {t('form.remove')}
                </Button>
              </Space>
            ))}
            <Space style={{ marginBottom: 16 }}>
              <Button onClick={() => add({})} data-testid="review-criterion-add">
                {t('review.addCriterion')}
              </Button>
              <UndecidedNote />
            </Space>
          </div>
        )}
      </Form.List>
      <Form.Item name="reviewers" label={t('review.reviewers')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="review-reviewers" />
      </Form.Item>
      <Form.Item name="opinion" label={t('review.opinion')}>
        <Input.TextArea rows={2} data-testid="review-opinion" />
      </Form.Item>
      <RectificationFields options={options} />
    </EngineFormModal>
  );
}

/** Reminds the reviewers to decide every criterion; the review cannot be recorded before. */
function UndecidedNote() {
  const { t } = useTranslation('acceptance');
  const criteria = Form.useWatch<CriterionValues[] | undefined>('criteria');
  if (!(criteria ?? []).some((c) => !c?.verdict)) return null;
  return (
    <Typography.Text type="warning" data-testid="review-undecided">
      {t('review.undecided')}
    </Typography.Text>
  );
}

/** The rectification items, shown once a criterion is marked as not met. */
function RectificationFields({ options }: { options: { value: string; label: string }[] }) {
  const { t } = useTranslation('acceptance');
  const criteria = Form.useWatch<CriterionValues[] | undefined>('criteria');
  if (!anyFailed(criteria)) return null;
  return (
    <>
      <Typography.Text strong>{t('review.rectifications')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('review.rectificationsHint')}</Typography.Paragraph>
      <Form.List name="rectifications">
        {(fields, { add, remove }) => (
          <div data-testid="review-rectifications">
            {fields.map(({ key, name }) => (
              <Space key={key} align="baseline" wrap style={{ display: 'flex' }} data-testid={`rectification-input-${name}`}>
                <Form.Item name={[name, 'description']} style={{ width: 320 }}>
                  <Input placeholder={t('review.description')} data-testid={`rectification-description-${name}`} />
                </Form.Item>
                <Form.Item name={[name, 'owner']} style={{ width: 180 }}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('review.owner')}
                    options={options}
                    data-testid={`rectification-owner-${name}`}
                  />
                </Form.Item>
                <Form.Item name={[name, 'deadline']}>
                  <DatePicker placeholder={t('review.deadline')} data-testid={`rectification-deadline-${name}`} />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(name)} data-testid={`rectification-remove-${name}`}>
                  {t('form.remove')}
                </Button>
              </Space>
            ))}
            <Button onClick={() => add({})} data-testid="rectification-add">
              {t('review.addRectification')}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}
