import { useEffect } from 'react';
import type { ChatMessage } from '@contract/socket-events';

/** While the page is visible, the newest message shown counts as read. */
export function useMarkReadWhileVisible(messages: ChatMessage[], markRead: (seq: number) => void): void {
  const newest = messages.at(-1)?.seq;
  useEffect(() => {
    if (newest === undefined) return;
    const mark = () => {
      if (document.visibilityState === 'visible') markRead(newest);
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [newest, markRead]);
}
