import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { exec, notify } from '../../ipc';
import { useEngineQuery } from '../../engine';
import type { AttentionItem } from '../../bindings';
import { loadKeys, newItems, remember } from './newItems';

/** How often the attention list is asked for, besides after every write. */
const POLL_MS = 3 * 60_000;
/** Where the keys of items already announced are kept (this computer only, never the database). */
const STORAGE_KEY = 'xiezuo.notifiedAttention';
/** More new items than this at once (e.g. the first launch) are summed up in one notification. */
const SEPARATE_NOTIFICATIONS = 5;

/**
 * Desktop notifications for new attention items (for "me" when set, else everyone's): each item
 * is announced once, when it first appears. Renders nothing.
 */
export function AttentionNotifier() {
  const { t } = useTranslation('notifications');
  const me = useEngineQuery('get_me');
  const filter = me.data ? { person: me.data.id } : {};
  const attention = useQuery({
    queryKey: ['get_attention', filter],
    queryFn: () => exec('get_attention', filter),
    enabled: !me.isPending,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
  });

  useEffect(() => {
    if (!attention.data) return;
    const remembered = loadKeys(localStorage, STORAGE_KEY);
    const fresh = newItems(attention.data, new Set(remembered));
    if (fresh.length === 0) return;
    // Remembered before announcing, so a re-render or a second poll can never announce twice.
    localStorage.setItem(STORAGE_KEY, JSON.stringify(remember(remembered, fresh)));
    void announce(t, fresh);
  }, [attention.data, t]);

  return null;
}

async function announce(t: TFunction, items: AttentionItem[]) {
  for (const item of items.slice(0, SEPARATE_NOTIFICATIONS)) {
    const kind = t(`attention.${item.kind}`, { ns: 'common', defaultValue: item.kind });
    const body = item.due
      ? t('bodyDue', { subject: item.subject, title: item.title, date: item.due.slice(0, 10) })
      : t('body', { subject: item.subject, title: item.title });
    if (!(await notify(t('title', { kind, number: item.number }), body))) return;
  }
  const rest = items.length - SEPARATE_NOTIFICATIONS;
  if (rest > 0) await notify(t('moreTitle'), t('more', { count: rest }));
}
