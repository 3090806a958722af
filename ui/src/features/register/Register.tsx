import { useState, type UIEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { RegisterPage, RegisterRow, Stage } from '../../bindings';
import { exec } from '../../ipc';
import { useNavigation } from '../../navigation';
import { useDepartments } from '../../components/org';
import { STAGES } from '../../lib/stages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StageTag } from '../../components/StageTag';
import { PrintButton } from '../printing/PrintButton';
import { XlsxExportButton } from '../office/SaveFileButton';
import { ImportXlsxButton } from '../office/ImportXlsx';

/** Rows asked of the engine at a time: a page is quick at any size (see BENCHMARKS.md, register at 100k). */
export const REGISTER_PAGE = 200;
/** Fetch the next page when the scroll position is this many pixels from the loaded end. */
const PREFETCH_PX = 1200;

/** Where the next page starts, or `undefined` once every row is loaded. */
export function nextRegisterOffset(last: RegisterPage, all: RegisterPage[]): number | undefined {
  const loaded = all.reduce((n, page) => n + page.rows.length, 0);
  return last.rows.length === REGISTER_PAGE && loaded < last.total ? loaded : undefined;
}

/**
 * 沟通事项跟踪表: the company's 11 columns, filtered in the engine, virtually scrolled; printed,
 * exported to Excel, or filled from an Excel sheet. Rows come from the engine a page at a time as
 * the table scrolls, so the first rows show at once even on a company's 100,000 collaborations
 * (asking for every row took seconds there and held ~70 MB in the window).
 */
export function Register() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const onOpen = (id: string) => go({ page: 'collaboration', id });
  const [stage, setStage] = useState<Stage | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const departments = useDepartments();
  const filter = { stage, department, sort: 'number', descending: false } as const;
  const pages = useInfiniteQuery({
    queryKey: ['get_register', filter],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => exec('get_register', { ...filter, offset: pageParam, limit: REGISTER_PAGE }),
    getNextPageParam: nextRegisterOffset,
  });
  const rows = pages.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;
  const loadMoreNearEnd = (event: UIEvent<HTMLDivElement>) => {
    const { scrollTop, scrollHeight, clientHeight } = event.currentTarget;
    if (scrollHeight - scrollTop - clientHeight < PREFETCH_PX && pages.hasNextPage && !pages.isFetchingNextPage) {
      void pages.fetchNextPage();
    }
  };

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
      {pages.error && <ErrorNotice error={pages.error} />}
      <Table<RegisterRow>
        rowKey="id"
        size="small"
        bordered
        virtual
        loading={pages.isLoading || pages.isFetchingNextPage}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 2100, y: 560 }}
        onScroll={loadMoreNearEnd}
        footer={() => t('register.total', { count: total })}
      />
    </div>
  );
}
