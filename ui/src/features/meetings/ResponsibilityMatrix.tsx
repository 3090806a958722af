import type { HTMLAttributes } from 'react';
import { Alert, Button, Input, Space, Table, Tag, Tooltip } from 'antd';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exec } from '../../ipc';
import { describeError } from '../../components/errors';
import { useDebounced } from '../../components/useDebounced';
import type { ResponsibilityCheck, ResponsibilityInput } from '../../bindings';
import type { Participant } from '../../lib/org';
import { alsoOwnedBy, overlapsOf, responsibilityInputs } from './minutes';

/**
 * The engine's verdict on a 职责分工 as it is typed: `check_responsibilities` on the rows (debounced),
 * keeping the last verdict on screen while the next one is computed.
 */
export function useDivisionCheck(collaboration: string, rows: ResponsibilityInput[] | undefined) {
  const payload = useDebounced({ collaboration, responsibilities: responsibilityInputs(rows) });
  return useQuery({
    queryKey: ['check_responsibilities', payload],
    queryFn: () => exec('check_responsibilities', payload),
    placeholderData: keepPreviousData,
    enabled: payload.responsibilities.length > 0,
  });
}

const RED = { background: '#fff1f0' };

/**
 * 职责分工: one row per participating department with the items it is responsible for. Departments
 * the engine reports as gaps (no responsibility) and items it reports as owned twice are marked red.
 * A form control: `value` / `onChange` carry the rows.
 */
export function ResponsibilityMatrix({
  value = [],
  onChange,
  departments,
  check,
  disabled,
}: {
  value?: ResponsibilityInput[];
  onChange?: (rows: ResponsibilityInput[]) => void;
  departments: Participant[];
  check?: ResponsibilityCheck;
  disabled?: boolean;
}) {
  const { t } = useTranslation('meetings');
  const nameOf = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  const setItems = (department: string, items: string[]) =>
    onChange?.(value.map((row) => (row.department === department ? { ...row, items } : row)));

  return (
    <Table<ResponsibilityInput>
      data-testid="responsibility-matrix"
      rowKey="department"
      size="small"
      bordered
      pagination={false}
      dataSource={value}
      onRow={(row) => {
        const name = nameOf(row.department);
        const gap = check?.gaps.includes(name) ?? false;
        const attributes: HTMLAttributes<HTMLElement> & { 'data-testid': string; 'data-gap': boolean } = {
          'data-testid': `responsibility-row-${name}`,
          'data-gap': gap,
          style: gap ? RED : undefined,
        };
        return attributes;
      }}
      columns={[
        {
          title: t('matrix.department'),
          key: 'department',
          width: 200,
          render: (_, row) => {
            const name = nameOf(row.department);
            return (
              <Space orientation="vertical" size={2}>
                <strong>{name}</strong>
                {check?.gaps.includes(name) && <Tag color="red">{t('matrix.gap')}</Tag>}
                {overlapsOf(check, name).map((item) => (
                  <Tag color="red" key={item}>
                    {t('matrix.overlapTag', { item })}
                  </Tag>
                ))}
              </Space>
            );
          },
        },
        {
          title: t('matrix.items'),
          key: 'items',
          render: (_, row) => {
            const name = nameOf(row.department);
            const items = row.items;
            return (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {items.map((item, index) => {
                  const others = alsoOwnedBy(check, name, item);
                  return (
                    <Space.Compact key={index} style={{ width: '100%' }}>
                      <Tooltip title={others.length ? t('matrix.alsoOwnedBy', { departments: others.join('、') }) : undefined}>
                        <Input
                          data-testid={`responsibility-item-${name}-${index}`}
                          data-overlap={others.length > 0}
                          status={others.length ? 'error' : undefined}
                          value={item}
                          disabled={disabled}
                          placeholder={t('matrix.itemPlaceholder')}
                          onChange={(e) => setItems(row.department, items.map((old, i) => (i === index ? e.target.value : old)))}
                          onPressEnter={(e) => {
                            e.preventDefault();
                            setItems(row.department, [...items, '']);
                          }}
                        />
                      </Tooltip>
                      {!disabled && (
                        <Button
                          data-testid={`responsibility-remove-${name}-${index}`}
                          onClick={() => setItems(row.department, items.filter((_, i) => i !== index))}
                        >
                          {t('remove')}
                        </Button>
                      )}
                    </Space.Compact>
                  );
                })}
                {!disabled && (
                  <Button type="dashed" size="small" data-testid={`responsibility-add-${name}`} onClick={() => setItems(row.department, [...items, ''])}>
                    {t('matrix.addItem')}
                  </Button>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}

/** The summary under the matrix: the gaps and overlaps the engine found, or that there are none. */
export function DivisionVerdict({ check, error }: { check?: ResponsibilityCheck; error?: unknown }) {
  const { t } = useTranslation('meetings');
  if (error) return <Alert data-testid="responsibility-verdict" data-state="error" type="error" showIcon title={describeError(t, error)} />;
  if (!check) return null;
  const problems = [
    ...(check.gaps.length ? [t('matrix.gapSummary', { departments: check.gaps.join('、') })] : []),
    ...check.overlaps.map((o) => t('matrix.overlapSummary', { item: o.item, departments: o.departments.join('、') })),
  ];
  if (problems.length === 0) {
    return <Alert data-testid="responsibility-verdict" data-state="ok" type="success" showIcon title={t('matrix.complete')} />;
  }
  return (
    <Alert
      data-testid="responsibility-verdict"
      data-state={check.gaps.length ? 'gap' : 'overlap'}
      type="error"
      showIcon
      title={problems[0]}
      description={problems.length > 1 ? problems.slice(1).map((p) => <div key={p}>{p}</div>) : undefined}
    />
  );
}
