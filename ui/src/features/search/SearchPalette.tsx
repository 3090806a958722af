import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Button, Empty, Input, Modal, Space, Spin, Tag, Typography, theme, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineQuery } from '../../engine';
import { exec } from '../../ipc';
import { useNavigation } from '../../navigation';
import { useRecordLabels } from '../history/labels';
import type { SearchHit } from '../../bindings';
import { isMac, isSearchShortcut, needsDossier, snippetParts, targetOf } from './searchTarget';
import { useDebounced } from '../../components/useDebounced';

// `userAgentData` is not in TypeScript's DOM types yet (Chromium-based webviews have it).
const platform = () => (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform || navigator.platform || navigator.userAgent;

/**
 * Global search: a header button showing its shortcut; the button, Ctrl+K or Ctrl+F (Cmd on
 * macOS) open the search dialog.
 */
export function SearchPalette() {
  const { t } = useTranslation('search');
  const [open, setOpen] = useState(false);
  const mac = isMac(platform());
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event, mac)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mac]);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="search-open">
        {t('button')}
        <Typography.Text keyboard type="secondary">
          {mac ? '⌘ K' : 'Ctrl K'}
        </Typography.Text>
      </Button>
      {open && <SearchDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * The search dialog: results as you type (debounced), each with its kind of record, field,
 * collaboration and the matching text highlighted; ↑/↓ and Enter, or a click, open the record.
 */
function SearchDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('search');
  const { go } = useNavigation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<InputRef>(null);
  const settled = useDebounced(query.trim(), 200);
  const search = useEngineQuery('search', { query: settled, limit: 30 }, settled !== '');
  const hits = settled ? (search.data ?? []) : [];

  useEffect(() => setActive(0), [search.data]);

  const choose = async (hit: SearchHit | undefined) => {
    if (!hit) return;
    const dossier =
      hit.collaboration_id && needsDossier(hit.entity)
        ? await exec('get_collaboration', { collaboration: hit.collaboration_id }).catch(() => undefined)
        : undefined;
    go(targetOf(hit, dossier));
    onClose();
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    // Enter while an input method is composing Chinese confirms the characters, not a result.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(hits.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void choose(hits[active]);
    }
  };

  return (
    <Modal open footer={null} closable={false} width={680} onCancel={onClose} afterOpenChange={(visible) => visible && input.current?.focus()}>
      <Input
        ref={input}
        autoFocus
        size="large"
        allowClear
        placeholder={t('placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
        {t('hint')}
      </Typography.Paragraph>
      <div style={{ maxHeight: 420, overflowY: 'auto' }} role="listbox" data-testid="search-results">
        {settled === '' ? null : search.isFetching && hits.length === 0 ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : hits.length === 0 ? (
          <Empty description={t('empty')} data-testid="search-empty" />
        ) : (
          hits.map((hit, index) => (
            <HitRow
              key={`${hit.entity}:${hit.entity_id}:${hit.field}`}
              hit={hit}
              index={index}
              active={index === active}
              onHover={() => setActive(index)}
              onChoose={() => void choose(hit)}
            />
          ))
        )}
      </div>
    </Modal>
  );
}

/** One result: the kind of record and field, its collaboration, and the snippet with the match marked. */
function HitRow({ hit, index, active, onHover, onChoose }: { hit: SearchHit; index: number; active: boolean; onHover: () => void; onChoose: () => void }) {
  const { t } = useTranslation('search');
  const labels = useRecordLabels();
  const { token } = theme.useToken();
  const row = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active) row.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <div
      ref={row}
      role="option"
      aria-selected={active}
      onMouseEnter={onHover}
      onClick={onChoose}
      data-testid={`search-hit-${index}`}
      data-entity={hit.entity}
      style={{ padding: '8px 12px', borderRadius: token.borderRadius, cursor: 'pointer', background: active ? token.colorPrimaryBg : undefined }}
    >
      <Space size={6} wrap>
        <Tag color="blue">{labels.entity(hit.entity)}</Tag>
        <Typography.Text type="secondary">{labels.field(hit.field)}</Typography.Text>
        <Typography.Text type="secondary">·</Typography.Text>
        <Typography.Text type="secondary">
          {hit.collaboration_id ? `${hit.collaboration_number ?? ''} ${hit.collaboration_title ?? ''}` : t('organisation')}
        </Typography.Text>
      </Space>
      <div style={{ marginTop: 4 }}>
        {snippetParts(hit.snippet).map((part, i) =>
          part.match ? (
            <Typography.Text key={i} mark>
              {part.text}
            </Typography.Text>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </div>
    </div>
  );
}
