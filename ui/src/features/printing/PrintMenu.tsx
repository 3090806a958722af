import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TabProps } from '../collaboration/tabProps';
import { entryTestId, printableDocuments, type PrintEntry } from './documents';
import { usePrinting } from './usePrinting';

/** The collaboration page's "打印" menu: every document its records can fill now, then the preview. */
export function PrintMenu({ dossier }: TabProps) {
  const { t } = useTranslation('printing');
  const { print, busy, preview } = usePrinting();
  const collaboration = dossier.collaboration.id;
  const entries = printableDocuments(dossier);
  const label = (entry: PrintEntry) => {
    const name = t(`kinds.${entry.kind}`);
    return entry.recordName ? t('menuItem', { document: name, record: entry.recordName }) : name;
  };
  const items = entries.map((entry, i) => ({
    key: String(i),
    label: <span data-testid={`print-menu-${entryTestId(entry)}`}>{label(entry)}</span>,
  }));
  const onClick = ({ key }: { key: string }) => {
    const entry = entries[Number(key)];
    print({ kind: entry.kind, collaboration, record: entry.record });
  };
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button data-testid="print-menu" loading={busy}>
          {t('print')}
        </Button>
      </Dropdown>
      {preview}
    </>
  );
}
