import { Alert, App, Button, Modal, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { openDocument, saveDocumentAs, type PrintedFile } from '../../ipc';
import { describePrintError } from './printErrors';
import { PdfPages } from './PdfPages';

/** Width of the drawn pages inside the dialog, in CSS pixels. */
const PAGE_WIDTH = 820;

/**
 * The print preview: the PDF's pages, a warning when some characters had no font, and the ways
 * out — the system PDF viewer (to print on paper), "save as", or close.
 */
export function PrintPreview({ printed, onClose }: { printed: PrintedFile | null; onClose: () => void }) {
  const { t } = useTranslation('printing');
  const { message } = App.useApp();
  const fail = (error: unknown) => void message.error(describePrintError(t, error));

  const open = (file: PrintedFile) => openDocument(file.path).catch(fail);
  const saveAs = (file: PrintedFile) =>
    saveDocumentAs(file.path, t('preview.saveTitle'))
      .then((saved) => saved && void message.success(t('preview.saved', { path: saved })))
      .catch(fail);

  return (
    <Modal
      open={printed !== null}
      onCancel={onClose}
      width={PAGE_WIDTH + 80}
      destroyOnHidden
      title={printed && <Space>{t('preview.title', { file: printed.file_name })}<Tag>{t('preview.pages', { count: printed.pages })}</Tag></Space>}
      styles={{ body: { maxHeight: '70vh', overflow: 'auto', background: '#f5f5f5', padding: 16 } }}
      data-testid="print-preview"
      footer={
        printed && (
          <Space>
            <Button data-testid="print-open" type="primary" onClick={() => void open(printed)}>
              {t('preview.open')}
            </Button>
            <Button data-testid="print-save" onClick={() => void saveAs(printed)}>
              {t('preview.save')}
            </Button>
            <Button data-testid="print-close" onClick={onClose}>
              {t('preview.close')}
            </Button>
          </Space>
        )
      }
    >
      {printed && printed.missing_glyphs !== '' && (
        <Alert
          data-testid="print-missing-glyphs"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('missingGlyphs.title')}
          description={t('missingGlyphs.description', { chars: [...printed.missing_glyphs].join(' ') })}
        />
      )}
      {printed && <PdfPages path={printed.path} width={PAGE_WIDTH} />}
    </Modal>
  );
}
