import { useMemo, useState, type HTMLAttributes } from 'react';
import { Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineQuery } from '../../engine';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { HistoryEntry } from '../../bindings';
import { useOrg } from '../../components/org';
import type { TabProps } from '../collaboration/tabProps';
import { fieldChanges, formatValue, localTime, recordNames, type ValueContext } from './historyModel';
import { useRecordLabels } from './labels';

/**
 * The collaboration's written trail (书面留痕): every change from the change log, newest first —
 * when, who, from which device, what they did, to which record, and each field before → after.
 * It can be narrowed to one kind of record, or to one record.
 */
export function HistoryTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('history');
  const labels = useRecordLabels();
  const history = useEngineQuery('get_history', { collaboration: dossier.collaboration.id });
  const { people, departments } = useOrg();
  const [entity, setEntity] = useState<string | undefined>();
  const [only, setOnly] = useState<string | undefined>(record);

  const names = useMemo(() => recordNames(dossier, people, departments), [dossier, people, departments]);
  const entries = useMemo(() => [...(history.data ?? [])].reverse(), [history.data]);
  const kinds = [...new Set(entries.map((e) => e.entity))];
  const records = [...new Map(entries.filter((e) => !entity || e.entity === entity).map((e) => [e.entity_id, e])).values()];
  const shown = entries.filter((e) => (!entity || e.entity === entity) && (!only || e.entity_id === only));

  const separators = { label: t('separators.label'), field: t('separators.field'), item: t('separators.item'), object: t('separators.object') };
  const context = (e: HistoryEntry): ValueContext => ({
    names,
    code: (field, value) => labels.code(e.entity, field, value),
    label: labels.field,
    yes: t('yes'),
    no: t('no'),
    empty: t('empty'),
    separators,
  });
  const recordLabel = (e: HistoryEntry) => `${labels.entity(e.entity)}${names.has(e.entity_id) ? `${separators.label}${names.get(e.entity_id)}` : ''}`;

  if (history.error) return <ErrorNotice error={history.error} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('filterEntity')}
          value={entity}
          onChange={(value) => {
            setEntity(value);
            setOnly(undefined);
          }}
          options={kinds.map((k) => ({ value: k, label: labels.entity(k) }))}
          data-testid="history-entity-filter"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 320 }}
          placeholder={t('filterRecord')}
          value={only}
          onChange={setOnly}
          options={records.map((e) => ({ value: e.entity_id, label: recordLabel(e) }))}
          data-testid="history-record-filter"
        />
        <Typography.Text type="secondary">{t('count', { count: shown.length })}</Typography.Text>
      </Space>
      <Table<HistoryEntry>
        size="small"
        loading={history.isLoading}
        rowKey={(e) => e.hlc}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="history-table"
        onRow={(e): HTMLAttributes<HTMLElement> & { 'data-testid': string; 'data-action': string } => ({ 'data-testid': `history-row-${e.entity}`, 'data-action': e.action })}
        columns={[
          { title: t('columns.time'), width: 140, render: (_, e) => localTime(e.wall_time) },
          { title: t('columns.actor'), width: 90, render: (_, e) => e.actor ?? t('unknownActor') },
          {
            title: t('columns.device'),
            width: 100,
            render: (_, e) => (
              <Tooltip title={e.device_id}>
                <Typography.Text type="secondary">{e.device_id.slice(-8)}</Typography.Text>
              </Tooltip>
            ),
          },
          { title: t('columns.action'), width: 130, render: (_, e) => labels.action(e.action) },
          {
            title: t('columns.record'),
            width: 220,
            render: (_, e) => (
              <Space size={4} wrap>
                <Tag color={e.op === 'insert' ? 'green' : 'blue'}>{t(`ops.${e.op}`, { defaultValue: e.op })}</Tag>
                <span>{recordLabel(e)}</span>
              </Space>
            ),
          },
          { title: t('columns.changes'), render: (_, e) => <Changes entry={e} context={context(e)} label={labels.field} /> },
        ]}
      />
    </Space>
  );
}

/** An entry's fields, one per line: a new record's values, or an edit's before → after. */
function Changes({ entry, context, label }: { entry: HistoryEntry; context: ValueContext; label: (field: string) => string }) {
  const inserted = entry.op === 'insert';
  return (
    <div>
      {fieldChanges(entry)
        .filter((c) => !inserted || (c.after != null && c.after !== ''))
        .map((c) => (
          <div key={c.field} data-testid={`history-change-${c.field}`}>
            <Typography.Text type="secondary">
              {label(c.field)}
              {context.separators.label}
            </Typography.Text>
            {!inserted && (
              <>
                {/* Struck through: the value this change replaced. */}
                <Typography.Text delete={c.before != null && c.before !== ''} type="secondary">
                  {formatValue(c.field, c.before, context)}
                </Typography.Text>
                {' → '}
              </>
            )}
            <Typography.Text>{formatValue(c.field, c.after, context)}</Typography.Text>
          </div>
        ))}
    </div>
  );
}
