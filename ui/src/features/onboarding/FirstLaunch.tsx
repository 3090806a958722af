import { useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../components/org';
import { ChooseMe } from './ChooseMe';

/**
 * The welcome shown while this installation does not know who uses it (`get_me` is null): the demo
 * data is there to look around; choose or add yourself. It closes by itself once "me" is set
 * (every write refreshes `get_me`), or for this session with "later".
 */
export function FirstLaunch() {
  const { t } = useTranslation('onboarding');
  const me = useMe();
  const [later, setLater] = useState(false);
  const open = me.isSuccess && me.data === null && !later;
  return (
    <Modal
      open={open}
      title={t('welcome')}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button data-testid="first-launch-later" onClick={() => setLater(true)}>
          {t('later')}
        </Button>
      }
    >
      <div data-testid="first-launch">
        <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
        <Typography.Paragraph>{t('demo')}</Typography.Paragraph>
        <Typography.Paragraph strong>{t('whoAreYou')}</Typography.Paragraph>
        <ChooseMe />
      </div>
    </Modal>
  );
}
