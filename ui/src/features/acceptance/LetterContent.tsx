import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import type { Dossier, LetterRow } from '../../bindings';
import { participants } from '../../lib/org';

dayjs.extend(localizedFormat);

/** A date in the long form letters use (2026年12月3日 / December 3, 2026). */
const longDate = (date: string | null) => (date ? dayjs(date).format('LL') : '');

/**
 * The issued 协作完成确认函 as it reads on paper: addressed to the collaborating departments,
 * confirming the collaboration was completed and accepted, with the issuer's extra words, and
 * who issued it when.
 */
export function LetterContent({ dossier, letter, names }: { dossier: Dossier; letter: LetterRow; names: Map<string, string> }) {
  const { t } = useTranslation('acceptance');
  const c = dossier.collaboration;
  const departments = new Map(participants(dossier).map((p) => [p.id, p.name]));
  const recipients = (letter.recipients ?? []).filter((id) => id !== c.initiating_department_id).map((id) => departments.get(id) ?? id);
  const paragraph = { textIndent: '2em', fontSize: 15, lineHeight: 2 } as const;
  return (
    <Card data-testid="letter-content">
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {t('letter.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 15 }}>{t('letter.salutation', { recipients: recipients.join(t('form.listSeparator')) })}</Typography.Paragraph>
      <Typography.Paragraph style={paragraph}>
        {t('letter.text', { subject: c.title, number: c.number, completed: longDate(c.completed_at ?? letter.issued_on) })}
      </Typography.Paragraph>
      {letter.body && (
        <Typography.Paragraph style={paragraph} data-testid="letter-body">
          {letter.body}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph style={paragraph}>{t('letter.thanks')}</Typography.Paragraph>
      <Typography.Paragraph style={paragraph}>{t('letter.closing')}</Typography.Paragraph>
      <div style={{ textAlign: 'right', fontSize: 15, lineHeight: 2, marginBottom: 24 }}>
        <div>{c.initiating_department}</div>
        <div>{longDate(letter.issued_on)}</div>
      </div>
      <Descriptions
        size="small"
        bordered
        column={3}
        items={[
          { key: 'by', label: t('letter.issuedBy'), children: (letter.issued_by && names.get(letter.issued_by)) || '—' },
          { key: 'on', label: t('letter.issuedOn'), children: letter.issued_on },
          { key: 'to', label: t('letter.recipients'), children: recipients.join(t('form.listSeparator')) },
        ]}
      />
    </Card>
  );
}
