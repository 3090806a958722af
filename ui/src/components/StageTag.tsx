import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../bindings';

const COLORS: Record<Stage, string> = {
  draft: 'default',
  confirming: 'processing',
  revising: 'warning',
  kickoff: 'cyan',
  executing: 'blue',
  accepting: 'purple',
  completed: 'success',
  archived: 'default',
};

/** A collaboration's stage as a coloured tag. */
export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[stage]}>{t(`stage.${stage}`)}</Tag>;
}
