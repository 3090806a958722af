import { useState } from 'react';
import { Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { RegisterRow, Stage } from '../../bindings';
import { useEngineQuery } from '../../engine';
import { useNavigation } from '../../navigation';
import { useDepartments } from '../../components/org';
import { STAGES } from '../../lib/stages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StageTag } from '../../components/StageTag';
import { PrintButton } from '../printing/PrintButton';
import { XlsxExportButton } from '../office/SaveFileButton';
import { ImportXlsxButton } from '../office/ImportXlsx';

/**
 * 沟通事项跟踪表: the company's 11 columns, filtered in the engine, virtually scrolled; printed,
 * exported to Excel, or filled from an Excel sheet.
 */
export function Register() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const onOpen = (id: string) => go({ page: 'collaboration', id });
  const [stage, setStage] = useState<Stage | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const departments = useDepartments();
  // Every row in the engine's default order (the bindings list the defaulted paging fields as required).
  const page = useEngineQuery('get_register', { stage, department, sort: 'number', descending: false, offset: 0, limit: 0 });

  const text = (key: keyof RegisterRow, width: number) => ({ title: t(`register.${key}`), dataIndex: key, key, width });
  const columns: ColumnsType<RegisterRow> = [
    { ...text('number', 130), fixed: 'left', render: (v: string, row) => <a onClick={() => onOpen(row.id)}>{v}</a> },
    text('initiating_department', 110),
    { ...text('title', 160), title: t('register.title_col') },
    text('contacts', 140),
    text('background_goal', 240),
    text('key_dates', 240),
    text('communications', 280),
    { ...text('progress', 200), render: (v: string, row) => <Space direction="vertical" size={2}><StageTag stage={row.stage} />{v}</Space> },
    text('feedback', 220),
    text('owner', 90),
    text('remarks', 200),
  ];

  return (
    <div data-testid="register">
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('register.title')}
        </Typography.Title>
        <Space>
          <Select<Stage>
            allowClear
            placeholder={t('register.filterStage')}
            style={{ width: 160 }}
            value={stage}
            onChange={setStage}
            options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          />
          <Select<string>
            allowClear
            placeholder={t('register.filterDepartment')}
            style={{ width: 160 }}
            value={department}
            onChange={setDepartment}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
          <PrintButton kind="register" />
          <XlsxExportButton testid="register-export-xlsx" />
          <ImportXlsxButton />
        </Space>
      </Space>
      {page.error && <ErrorNotice error={page.error} />}
      <Table<RegisterRow>
        rowKey="id"
        size="small"
        bordered
        virtual
        loading={page.isLoading}
        columns={columns}
        dataSource={page.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 2100, y: 560 }}
        footer={() => t('register.total', { count: page.data?.total ?? 0 })}
      />
    </div>
  );
}
