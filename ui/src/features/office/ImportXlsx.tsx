import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Descriptions, Modal, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { importXlsxApply, importXlsxPreview, IpcError } from '../../ipc';
import type { ImportPreview } from '../../bindings-interop';
import type { ImportProblem } from '../../bindings-interop';
import { describeError } from '../../components/errors';
import { useOfficeCommand } from './useOffice';

/**
 * 导入 Excel: the user picks a register or task list (.xlsx/.xls) in the OS dialog; every row is
 * checked first (nothing kept) and shown in a preview, and only a sheet without problems can be
 * imported, all rows at once. Importing the same sheet again adds nothing.
 */
export function ImportXlsxButton() {
  const { t } = useTranslation('office');
  const preview = useOfficeCommand(importXlsxPreview);
  const [shown, setShown] = useState<ImportPreview | null>(null);
  const open = async () => {
    const picked = await preview.run(t('import.pickTitle'));
    if (picked) setShown(picked);
  };
  return (
    <>
      <Button data-testid="register-import-xlsx" loading={preview.busy} onClick={() => void open()}>
        {t('import.button')}
      </Button>
      {shown && <ImportPreviewModal preview={shown} onChange={setShown} onClose={() => setShown(null)} />}
    </>
  );
}

/** The preview of an import: the file, what it would add, and every problem by sheet, row and column. */
function ImportPreviewModal({ preview, onChange, onClose }: { preview: ImportPreview; onChange: (preview: ImportPreview) => void; onClose: () => void }) {
  const { t } = useTranslation('office');
  const apply = useOfficeCommand(importXlsxApply);
  const { report } = preview;
  const problems = report.problems;

  const submit = async () => {
    const applied = await apply.run(undefined);
    if (!applied) return;
    if (!applied.applied) {
      // The data changed since the preview: show what stands in the way now.
      onChange({ ...preview, report: applied });
      return;
    }
    apply.show('success', 'import-done', t('import.done', { created: applied.created, unchanged: applied.unchanged }));
    onClose();
  };

  return (
    <Modal
      open
      width={820}
      title={t('import.title', { file: preview.file_name })}
      onCancel={onClose}
      data-testid="import-preview"
      data-rows={report.rows}
      data-created={report.created}
      data-unchanged={report.unchanged}
      data-problems={problems.length}
      footer={
        <Space>
          <Button data-testid="import-cancel" onClick={onClose}>
            {t('import.cancel')}
          </Button>
          <Button type="primary" data-testid="import-apply" disabled={problems.length > 0} loading={apply.busy} onClick={() => void submit()}>
            {t('import.apply')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          bordered
          size="small"
          column={2}
          data-testid="import-counts"
          items={[
            { key: 'file', label: t('import.file'), children: preview.file_name, span: 2 },
            { key: 'kind', label: t('import.what'), children: t(`import.kind.${report.kind}`, { defaultValue: report.kind }), span: 2 },
            { key: 'rows', label: t('import.rows'), children: report.rows },
            { key: 'created', label: t('import.created'), children: report.created },
            { key: 'unchanged', label: t('import.unchanged'), children: report.unchanged, span: 2 },
          ]}
        />
        {problems.length === 0 ? (
          <Alert type="success" showIcon data-testid="import-ready" title={t('import.ready', { created: report.created, unchanged: report.unchanged })} />
        ) : (
          <>
            <Alert type="warning" showIcon title={t('import.problems', { count: problems.length })} />
            <ProblemTable problems={problems} />
          </>
        )}
      </Space>
    </Modal>
  );
}

type NumberedProblem = ImportProblem & { index: number };
type RowAttributes = HTMLAttributes<HTMLElement> & { 'data-testid': string };

/** The rows the import refuses: where (sheet, row, column) and why, in the user's language. */
function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation('office');
  const reason = (p: ImportProblem) => describeError(t, new IpcError(p.kind, p.message, p.column ?? undefined));
  const rows = problems.map((problem, index) => ({ ...problem, index }));
  return (
    <Table<NumberedProblem>
      data-testid="import-problems"
      size="small"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      rowKey="index"
      dataSource={rows}
      onRow={(p): RowAttributes => ({ 'data-testid': `import-problem-row-${p.index}` })}
      columns={[
        { key: 'sheet', title: t('import.sheet'), width: 140, render: (_, p) => p.sheet },
        { key: 'row', title: t('import.row'), width: 70, render: (_, p) => p.row },
        { key: 'column', title: t('import.column'), width: 110, render: (_, p) => p.column },
        {
          key: 'reason',
          title: t('import.reason'),
          render: (_, p) => (
            <Space orientation="vertical" size={0}>
              {reason(p)}
              <Typography.Text type="secondary">{p.message}</Typography.Text>
            </Space>
          ),
        },
      ]}
    />
  );
}
